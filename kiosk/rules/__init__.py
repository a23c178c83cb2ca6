"""Domain rules: pure-stdlib validators and calculators (ID numbers, unit codes, USCC, certificate numbers, fees)."""
