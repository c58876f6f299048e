"""Network control and browser displays: HTTP + WebSocket + OSC, calling the same bridge commands.

`server.start_remote` is the only entry point the app uses. Nothing is imported here, so that the
command-line options (options.py) can be read without loading aiohttp: the server, and its 25 MB of
libraries, start only once the operator window is on screen.
"""
