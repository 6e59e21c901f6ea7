"""Build and export tooling for the set (not part of the `worldorder` runtime package)."""
