"""Network control and browser displays: HTTP + WebSocket + OSC, calling the same bridge commands.

`server.start_server` is the only entry point the app uses (app.py adds the Remote menu to the
operator window). Nothing is imported here, so that the command-line options (options.py) can be
read without loading aiohttp: the server, and its 25 MB of libraries, start only once the operator
window is on screen. Nothing here imports ui/, and ui/ imports nothing from here.
"""
