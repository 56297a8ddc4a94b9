"""The staff UI shell: layout, navigation, home pages per role, error pages."""
