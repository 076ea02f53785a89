// The module root: thin cmdlets over the engine.
