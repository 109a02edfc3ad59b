"""Simulations: numpy and SciPy only. They know no SymPy and no derived formula."""
