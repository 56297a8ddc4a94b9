"""Synthetic demonstration data. Every name is a common given or family name
combined at random: none of it describes a real person."""
