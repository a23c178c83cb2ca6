"""Domain rules in pure stdlib: ID numbers, unit codes, USCC, certificate numbers, fees."""
