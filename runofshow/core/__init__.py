"""Pure show logic: no Qt, no files, no sockets, no clock reads (time is always passed in)."""
