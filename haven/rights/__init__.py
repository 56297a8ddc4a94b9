"""Plain-language information on migrants' and victims' rights, edited by
administrators per jurisdiction and language, each right with its source."""
