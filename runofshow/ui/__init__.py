"""Windows and widgets, and the app's parts that ask the operator something.

The windows read ShowState snapshots and call bridge commands, nothing else. The parts app.py wires
together (agenda_files, show_record, report_export, sound_menu, folder_lock) go through io/ for
every file and through `dialogs.Prompts` for every question.
"""
