// Placeholder until the LSP wiring lands: keeps the build's entry points in place.
export {};
