//! Python bindings of Gridward.
