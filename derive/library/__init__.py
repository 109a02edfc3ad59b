"""The derivations: one module per handout, named after its topic, each exposing `derivation`."""
