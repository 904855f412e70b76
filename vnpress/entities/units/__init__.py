"""Units and bodies: the grammar of a unit's name (parser) and where a proper name ends (names)."""
