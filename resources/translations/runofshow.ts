<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AgendaFiles</name>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="59"/>
        <location filename="../../runofshow/ui/agenda_files.py" line="74"/>
        <source>This agenda cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="60"/>
        <source>{path} has {count} problem(s). Fix them and open it again, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="75"/>
        <source>{path} has {count} problem(s); the current show keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="109"/>
        <source>The plan was not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="110"/>
        <source>{path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="112"/>
        <source>Plan exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="139"/>
        <source>{path} was changed on disk and now has {count} problem(s). The show goes on with the last good agenda; fix the file and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="141"/>
        <source>{path} has {count} problem(s). The show goes on with the last good agenda; fix the file and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="143"/>
        <source>The agenda has errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="146"/>
        <source>Agenda not reloaded: {count} problem(s); the last good agenda is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="157"/>
        <source>no changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="193"/>
        <source>Not saved: {path} was changed on disk and could not be kept as a copy; the show goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="196"/>
        <source>The version on disk is kept as {copy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="205"/>
        <source>Not saved to {name}: {reason}. The show goes on; the next edit tries again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="211"/>
        <source>Saved to {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="241"/>
        <source>The plan edited in the app is kept as {copy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="243"/>
        <source>The plan edited in the app could not be kept as a file; it stays in the show&apos;s record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../runofshow/app.py" line="193"/>
        <source>Show resumed: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="234"/>
        <source>Another copy of runofshow was started on this show and stopped: this window runs the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="289"/>
        <source>This laptop follows {primary}: take over first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="319"/>
        <source>Not opened: {path}. The show on {name} goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="326"/>
        <source>Opened {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="363"/>
        <source>the file already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="367"/>
        <source>New agenda not written to {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="582"/>
        <source>Internal error (logged): {error}; the show goes on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrewColumnChoice</name>
    <message>
        <location filename="../../runofshow/ui/crew_columns.py" line="75"/>
        <source>This agenda has no crew columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/crew_columns.py" line="78"/>
        <source>{column} (no room at this width)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/crew_columns.py" line="84"/>
        <source>Show the {column} cues in the rundown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrewColumns</name>
    <message>
        <location filename="../../runofshow/ui/crew_columns.py" line="36"/>
        <source>STAND BY for {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/crew_columns.py" line="37"/>
        <source>STAND BY for {title}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="50"/>
        <source>Agendas (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="51"/>
        <source>Programmes and spreadsheets (*.csv *.tsv *.xlsx *.txt *.md *.html *.htm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="281"/>
        <source>Resume the show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="283"/>
        <source>A show on this agenda was in progress when the app stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="284"/>
        <source>It was {summary}.

Resume it where it is now, or start a new show? (A new show keeps the old journal.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="289"/>
        <source>Resume the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="290"/>
        <source>Start a new show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="297"/>
        <source>The agenda file changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="299"/>
        <source>The agenda file is not the plan this show was running on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="300"/>
        <source>It was edited while the app was closed. Keep running on the plan from the show&apos;s record (what the displays showed), or apply the file now as a reload?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="304"/>
        <source>Keep the recorded plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="305"/>
        <source>Apply the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="332"/>
        <source>Quit during the show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="334"/>
        <source>The show is under way. If you quit now, every display goes dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="335"/>
        <source>The show can be resumed where it is: its record keeps it, and runofshow offers to resume it when you start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="338"/>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="339"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="349"/>
        <source>Open another agenda?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="350"/>
        <source>A show is running on {running}: open {other} now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="353"/>
        <source>The displays will show the new event. This show&apos;s record is kept and can be resumed from File &gt; Recent agendas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="356"/>
        <source>Open {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="358"/>
        <source>Keep the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="382"/>
        <source>Open agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="406"/>
        <source>The agenda file was changed on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="408"/>
        <source>{name} was changed on disk (in a text editor?) while the plan was edited here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="410"/>
        <source>Keep the plan edited here (what the displays show) and save it, or take the file on disk? Neither is lost: the other one is kept as a copy beside {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="414"/>
        <source>Keep the plan edited here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="415"/>
        <source>Take the file on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="434"/>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="434"/>
        <location filename="../../runofshow/ui/dialogs.py" line="454"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="438"/>
        <source>Export PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="438"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="442"/>
        <source>Import a programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="449"/>
        <source>Save the imported agenda as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="450"/>
        <source>Agendas (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="453"/>
        <source>Export the plan as CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayManager</name>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="117"/>
        <source>The {kind} screen &apos;{screen}&apos; is missing: the {kind} display is now a window on this screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="120"/>
        <source>The {kind} display would cover another display or this window: it is a window on this screen instead (Displays menu: choose its screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="124"/>
        <source>The {kind} display is back on &apos;{screen}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="175"/>
        <source>&amp;Identify screens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="186"/>
        <source>{display} — on {screen} (stand-in window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="189"/>
        <source>{display} — on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="191"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="195"/>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="209"/>
        <source>{screen} (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="214"/>
        <source>Flash the stage display at zero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="219"/>
        <source>Thumbnails in this window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../../runofshow/ui/theme.py" line="33"/>
        <source>Projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/theme.py" line="34"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/theme.py" line="35"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/theme.py" line="36"/>
        <source>Backstage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayWindow</name>
    <message>
        <location filename="../../runofshow/ui/display_base.py" line="61"/>
        <source>runofshow — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/display_base.py" line="75"/>
        <source>FOLLOWING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="138"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="170"/>
        <source>Projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="132"/>
        <source>Speaker countdown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderLock</name>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="61"/>
        <source> since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="62"/>
        <source> since {day} {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="75"/>
        <source>runofshow on {host} (process {pid})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="76"/>
        <source>runofshow on {host}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="77"/>
        <source>{who} is already running this show&apos;s record folder {folder}{since}. Only one copy can drive a show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="80"/>
        <source>runofshow is already running this show&apos;s record folder {folder}: process {pid} on this laptop{since}. Only one copy can drive a show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="83"/>
        <source>runofshow is already running this show&apos;s record folder {folder}{since}. Only one copy can drive a show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="89"/>
        <source>To run a different show at the same time, start runofshow with --state-dir and another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="92"/>
        <source>Run the show from {host}, or quit runofshow there first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="95"/>
        <source>Bring its window to the front to carry on with the show there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="97"/>
        <source>Carry on in that copy&apos;s window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="158"/>
        <source>it runs on another computer (follow it with runofshow follow and that computer&apos;s address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="167"/>
        <source>no port is free beside it on {host}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="173"/>
        <source>its network server is off (started with --no-remote) or not started yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="174"/>
        <source>its network server at {address} does not answer as the show&apos;s primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="186"/>
        <source>Or follow it as a backup: this copy keeps its own copy of the show, marked FOLLOWING, and can take over if that one stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="188"/>
        <source>To follow it as a backup instead (a copy that can take over if it stops), type: {command} (or start this copy again with --follow-if-running).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="196"/>
        <source>runofshow is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="202"/>
        <source>Bring the running show to the front</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="206"/>
        <source>Follow it as a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="208"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="219"/>
        <source>The running copy did not answer; find its window on the operator&apos;s screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="254"/>
        <source>Following it as a backup, as {command} would.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="263"/>
        <source>--follow-if-running: it cannot be followed: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="281"/>
        <source>runofshow cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifyScreens</name>
    <message>
        <location filename="../../runofshow/ui/identify.py" line="31"/>
        <source>Operator window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/identify.py" line="37"/>
        <source>{display} (stand-in window: its screen is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/identify.py" line="39"/>
        <source>{display}, full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/identify.py" line="41"/>
        <source>{display}, as a window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/identify.py" line="43"/>
        <source>No display on this screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifySign</name>
    <message>
        <location filename="../../runofshow/ui/identify.py" line="63"/>
        <source>{width} × {height}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/identify.py" line="65"/>
        <source>Identify screen {screen}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="434"/>
        <source>This file cannot be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="447"/>
        <source>{name} (moderator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="476"/>
        <source>+{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="126"/>
        <source>Import {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="135"/>
        <source>What was understood of {name}. Check it and fill in what the file does not say; nothing changes in the show until you save and open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="174"/>
        <source>Save and open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="192"/>
        <source>(none: the file&apos;s name is used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="194"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="201"/>
        <source>choose a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="205"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="215"/>
        <source>choose a time zone, e.g. Europe/Brussels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="222"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="224"/>
        <source>the file says “{zone}”, which is not a time zone&apos;s name: choose the one it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="229"/>
        <source>(not in the file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="231"/>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="236"/>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="237"/>
        <source>The length of a last slot that has only a start time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="241"/>
        <source>Last slot&apos;s length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="255"/>
        <source>{value} (from the file; choose another below to change it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="298"/>
        <source>Choose the date above: the file does not give one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="302"/>
        <source>{zone} is not a time zone: choose one from the list above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="303"/>
        <source>Choose the time zone above: the file does not say it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="317"/>
        <source>{count} slot(s), as they will be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="322"/>
        <source>{count} slot(s) as read; their ends and days are worked out once the problems below are solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="330"/>
        <source>Not ready to save:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="331"/>
        <source>Not ready to save:
{problems}
…and {count} more in the list above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="337"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="337"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="337"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="337"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="337"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="338"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="365"/>
        <source>(the last slot&apos;s length above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="372"/>
        <source>Problems ({problems}) and notes ({notes}): every line that was not understood is here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="374"/>
        <source>Notes ({notes}): every line that was not understood is here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="388"/>
        <source>row {number}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="389"/>
        <source>line {number}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="414"/>
        <location filename="../../runofshow/ui/import_dialog.py" line="421"/>
        <source>The import was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="415"/>
        <source>{path} is the agenda the show is running on: save the import under another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/import_dialog.py" line="422"/>
        <source>{path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePanel</name>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="171"/>
        <source>To the moderator&apos;s display and the /moderator page only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="183"/>
        <source>e.g. Please wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="187"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="189"/>
        <source>Send + flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="191"/>
        <source>Send pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="191"/>
        <source>Send it pinned: it stays through slot changes until cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="205"/>
        <source>Keys 1-9: no presets yet (the agenda&apos;s `messages:`, or Show &gt; Message presets…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="336"/>
        <source>Key {number} sends this to the stage: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="169"/>
        <location filename="../../runofshow/ui/message_panel.py" line="195"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="164"/>
        <source>MESSAGE  (M to type, Esc to leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="167"/>
        <source>M to type, Enter to send, Esc to leave; keys 1-9 send a preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="169"/>
        <source>To the speaker&apos;s display (and every view that shows the stage message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="171"/>
        <location filename="../../runofshow/ui/message_panel.py" line="196"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="335"/>
        <source>{number}  {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessagePresets</name>
    <message>
        <location filename="../../runofshow/ui/message_presets.py" line="70"/>
        <source>Message presets…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModeratorView</name>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="36"/>
        <source>Close the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="47"/>
        <source>{name} (moderator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="76"/>
        <source>After this: {time} {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="74"/>
        <source>After this: the end of the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="75"/>
        <source>After this: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="79"/>
        <source>The show has not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="80"/>
        <source>The show is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="85"/>
        <source>First: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="106"/>
        <source>On the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="110"/>
        <source>Running order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="116"/>
        <source>Now: {who}{title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="121"/>
        <source>Next: close the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="122"/>
        <source>Next: {who}{title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="125"/>
        <source>Panel time left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewAgendaDialog</name>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="64"/>
        <source>New agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="70"/>
        <source>The event, its first slot, and where to keep the agenda. Add the other slots in the rundown: every change is saved to this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="76"/>
        <source>e.g. Spring meeting 2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="77"/>
        <source>Event title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="81"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="90"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="92"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="93"/>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="96"/>
        <source>First slot starts at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="97"/>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="98"/>
        <source>First slot (15 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="102"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="106"/>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="113"/>
        <source>Create and open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="136"/>
        <source>Save the new agenda as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="137"/>
        <source>Agendas (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="148"/>
        <source>Give the event a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="150"/>
        <source>Choose a time zone from the list (e.g. Europe/Brussels).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="152"/>
        <source>Give the first slot a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="155"/>
        <source>Say where to save the agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="157"/>
        <source>{name} already exists: choose another name (an agenda is never overwritten here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/new_agenda.py" line="160"/>
        <source>The folder {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NowPanel</name>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="44"/>
        <source>Moderator: {moderator} · Panel: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="69"/>
        <source>Time of day at the venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="227"/>
        <source>Plan of {plan}, played on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="229"/>
        <source>The agenda is dated {plan}: its times are played on {day}. Change the agenda&apos;s date if that is not meant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="242"/>
        <source>BEFORE THE SHOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="253"/>
        <source>THE SHOW IS OVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="263"/>
        <source>NOW · {kind} · {start}–{end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="269"/>
        <source>{elapsed} of {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="273"/>
        <source>{amount} added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="249"/>
        <source>planned start {time} · press GO to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="250"/>
        <source>press GO to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="277"/>
        <source>planned {day} at {time}, in {wait} · press GO to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="294"/>
        <source>Cue {number}/{count}: {title}{who}  {countdown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="299"/>
        <source>Next cue: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="301"/>
        <source>Last cue: then close the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="306"/>
        <source>Next: nothing — this is the last slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="310"/>
        <source>NEXT {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="311"/>
        <source>NEXT {time} (planned {planned})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="312"/>
        <source>NEXT at GO (planned {planned})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="338"/>
        <source>{symbol} {drift} · projected end {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="344"/>
        <source>STAGE MESSAGE: {message}  (flashing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="345"/>
        <source>STAGE MESSAGE: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="348"/>
        <source>BLACKOUT: {displays}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="350"/>
        <source>PROJECTOR: HOLDING SLIDE (H to show the session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="352"/>
        <source>ROLL MODE: the plan drives the show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorWindow</name>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="92"/>
        <source>NOTES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="99"/>
        <source>No private notes for this slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="141"/>
        <source>Ready. Press Space (GO) to start the show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="143"/>
        <location filename="../../runofshow/ui/operator.py" line="344"/>
        <source>Last: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="173"/>
        <source>Show controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="173"/>
        <source>More show controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="179"/>
        <source>{tip} ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="189"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="190"/>
        <source>New agenda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="191"/>
        <source>Open agenda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="192"/>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="193"/>
        <source>Reload agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="194"/>
        <source>Recent agendas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="197"/>
        <source>Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="198"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="199"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="200"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="201"/>
        <source>New show on this agenda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="203"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="204"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="205"/>
        <source>Send a preset message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="206"/>
        <source>&amp;Rundown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="212"/>
        <source>Blackout one display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="223"/>
        <source>Crew columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="226"/>
        <source>&amp;Displays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="227"/>
        <location filename="../../runofshow/ui/remote_panel.py" line="285"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="228"/>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="242"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="280"/>
        <source>Select a slot in the rundown first, then press G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="296"/>
        <source>{number}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="302"/>
        <source>No preset {number}: add `messages:` to the agenda, or use Show &gt; Message presets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="326"/>
        <source>runofshow — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="328"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="328"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="330"/>
        <source>Roll: ON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="330"/>
        <source>Roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="333"/>
        <source>Unblack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="333"/>
        <source>Blackout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="347"/>
        <source>Not done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="365"/>
        <source>⚠ RECORD NOT SAVED — {unsaved} not yet written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="368"/>
        <source>⚠ RECORD NOT SAVED: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="370"/>
        <source>The show goes on. What it did since is kept in memory, in order, and written as soon as the disk takes it; until then a crash would lose it. Free disk space or check the state directory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairBanner</name>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="68"/>
        <source>Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="72"/>
        <source>Make this laptop the primary: it drives the show from its copy ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="125"/>
        <source>PRIMARY LOST SINCE {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="127"/>
        <source>{primary} has gone silent · {keys} or Take over drives the show from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="132"/>
        <source>FOLLOWING {primary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="133"/>
        <source>{lag} · show commands are refused here until you take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="137"/>
        <source>{detail} · THIS CLOCK IS {seconds} s {way} THE PRIMARY&apos;S: set both from one source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="139"/>
        <source>BEHIND</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="140"/>
        <source>AHEAD OF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="149"/>
        <source>Backup: {addresses} following</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="152"/>
        <source>BACKUP LOST SINCE {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="155"/>
        <source>Commands wait: {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="167"/>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="171"/>
        <source>lag unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="172"/>
        <source>1 entry behind, lag unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="173"/>
        <source>{count} entries behind, lag unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="175"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="176"/>
        <source>{ms} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="177"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="178"/>
        <source>1 entry, {delay} behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="179"/>
        <source>{count} entries, {delay} behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="208"/>
        <source>Take over the show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/pair_banner.py" line="209"/>
        <source>{primary} is still connected and drives the show. Taking over makes this laptop the primary; the other one steps down and stops driving. Take over now?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresetsEditor</name>
    <message>
        <location filename="../../runofshow/ui/message_presets.py" line="37"/>
        <source>Message presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_presets.py" line="40"/>
        <source>One message a line, at most {count}. They come after the agenda&apos;s own `messages:` on keys 1-9, for every show on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_presets.py" line="45"/>
        <source>Please wrap up
Mic check
5 minutes left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintExport</name>
    <message>
        <location filename="../../runofshow/ui/print_export.py" line="48"/>
        <source>1 page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_export.py" line="49"/>
        <source>{count} pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_export.py" line="71"/>
        <source>The PDF was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_export.py" line="73"/>
        <source>PDF saved to {path} ({pages})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_export.py" line="79"/>
        <source>Print the rundown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_export.py" line="103"/>
        <source>Not printed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_export.py" line="105"/>
        <source>Sent to {printer} ({pages})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintRundown</name>
    <message>
        <location filename="../../runofshow/ui/print_rundown.py" line="225"/>
        <source>{day} (continued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_rundown.py" line="277"/>
        <source>printed {moment}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_rundown.py" line="368"/>
        <source>page {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_rundown.py" line="386"/>
        <source>the printer or file cannot be written to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="18"/>
        <source>Remarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="19"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="20"/>
        <source>Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="21"/>
        <source>Reception</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="22"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="87"/>
        <source>{n} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="89"/>
        <source>{n} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="91"/>
        <source>{n} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="103"/>
        <source>{first} to {last}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="109"/>
        <source>Moderator: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="123"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="143"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="152"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="154"/>
        <source>Actual start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="155"/>
        <source>Actual end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="156"/>
        <source>Actual length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="157"/>
        <source>Over/under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="158"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="158"/>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="160"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="184"/>
        <source>Rundown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="186"/>
        <source>Report: planned and actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="188"/>
        <source>times in {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/print_table.py" line="190"/>
        <source>show drift: {drift}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="146"/>
        <source>Choose another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="148"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../runofshow/ui/problems_panel.py" line="51"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/problems_panel.py" line="54"/>
        <source>Hide this list. The show already runs on the last good agenda.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="58"/>
        <source>… and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="102"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="109"/>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="116"/>
        <source>Issues we will address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="122"/>
        <source>Thank you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="123"/>
        <source>for joining {event}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="131"/>
        <location filename="../../runofshow/ui/projector_view.py" line="159"/>
        <source>Moderated by {moderator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="140"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="147"/>
        <source>Next: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="152"/>
        <source>Thank you for joining us</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteMenu</name>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="249"/>
        <source>Renew the view token?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="250"/>
        <source>Every browser display that opened a view address is disconnected now and shows NO ACCESS until it is given the new address or QR code from the Remote window. Companion and desks (the control token) go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="254"/>
        <source>Renew the control token?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="255"/>
        <source>Companion, desks and scripts with the current control token stop working now, until the new one is typed into each of them (Remote window, Show and Copy). The browser displays&apos; view addresses go on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="264"/>
        <source>The token was NOT renewed (it could not be saved): {why}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="269"/>
        <source>New view token: {count} display(s) disconnected; give them the new addresses from the Remote window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="271"/>
        <source>New control token: type it into Companion and the desks (Remote window); {count} connection(s) closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="283"/>
        <source>Re&amp;mote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="291"/>
        <source>Remote control and browser displays (on)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="292"/>
        <source>Remote control and browser displays (OFF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="296"/>
        <source>Renew the view token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="297"/>
        <source>Renew the control token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="304"/>
        <source>Remote control is off: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemotePanel</name>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="97"/>
        <source>Remote control and browser displays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="130"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="133"/>
        <source>Control token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="142"/>
        <source>View token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="155"/>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="160"/>
        <source>Scan with a phone or tablet on the venue network:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="163"/>
        <source>QR codes for phones and tablets appear here when the server listens on the venue network (--listen 0.0.0.0:PORT).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="178"/>
        <source>Remote control is OFF: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="178"/>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="179"/>
        <source>Listening on {host}:{port} (HTTP and WebSocket).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="181"/>
        <source>OSC on UDP port {port}: /runofshow/COMMAND [args] with the control token as the first argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="186"/>
        <source>Every command needs the control token: type it into Companion or a desk; no address carries it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="188"/>
        <source>The read-only views open without a token (--public-views).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="189"/>
        <source>The view addresses and QR codes carry the view token: it opens the read-only views and nothing else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="183"/>
        <source>OSC on UDP port {port}: /runofshow/COMMAND [args].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="192"/>
        <source>Loopback only: nothing on the network can reach it, so no token is needed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="193"/>
        <source>Renew a token from the Remote menu if it got out: whoever held it is cut off at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="229"/>
        <source>Run this on the backup laptop (Copy puts the whole line, token included, on the clipboard)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="231"/>
        <source>Backup laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="237"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <location filename="../../runofshow/ui/report_export.py" line="28"/>
        <source>The report was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/report_export.py" line="30"/>
        <source>Report saved to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RundownEditing</name>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="75"/>
        <source>15:00 or 15</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="75"/>
        <source>HH:MM (hard start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="76"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="85"/>
        <source>Select a slot in the rundown first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="127"/>
        <source>Not done: a slot needs a title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="135"/>
        <source>Not done: type a length as 15:00 or 15 (minutes), not “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="142"/>
        <source>Not done: type a start as HH:MM (a hard start), or clear it for a soft one, not “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="192"/>
        <source>Last: deleted “{title}” (Backspace or Ctrl+Z undoes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="200"/>
        <source>Not done: “{title}” is already the first slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown_editing.py" line="201"/>
        <source>Not done: “{title}” is already the last slot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RundownModel</name>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="35"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="35"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="36"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="36"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="37"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="38"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="38"/>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="39"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="39"/>
        <source>Actual start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="40"/>
        <source>Actual end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="40"/>
        <source>Over/under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="41"/>
        <source>✓ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="42"/>
        <source>▶ NOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="43"/>
        <location filename="../../runofshow/ui/rundown.py" line="49"/>
        <source>next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="45"/>
        <location filename="../../runofshow/ui/rundown.py" line="51"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="47"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="48"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="50"/>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="215"/>
        <source>The {column} crew&apos;s cue for each slot. Right-click the header to hide or show crew columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="323"/>
        <source>Hard start {planned} will be missed: at the current pace this slot starts at {expected}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="327"/>
        <source>A gap of {gap} opens before this hard start at {planned}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="329"/>
        <source>Expected to start at {expected} at the current pace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="332"/>
        <source>Hard start: this slot keeps {planned} whatever runs before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="335"/>
        <source>Skipped: GO passes over it (K brings it back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="359"/>
        <source>{expected} · gap {gap}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="385"/>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="164"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="167"/>
        <source>Keys work anywhere in the operator window except while you type in a text field (press Esc to leave it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="172"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="172"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="172"/>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShowActions</name>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="67"/>
        <source>GO ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="68"/>
        <source>Start the show / start the loaded slot / go to the next slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="70"/>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="71"/>
        <source>Go back to the previous slot (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="72"/>
        <source>Pause / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="73"/>
        <source>Pause or resume the timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="74"/>
        <source>−1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="75"/>
        <source>Remove one minute from the current slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="77"/>
        <source>+1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="78"/>
        <source>Add one minute to the current slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="79"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="80"/>
        <source>Put the current slot back to its start, waiting for GO (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="82"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="83"/>
        <source>Undo the last command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="84"/>
        <source>Message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="85"/>
        <source>Type a message for the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="86"/>
        <source>Clear message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="87"/>
        <source>Remove the stage message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="90"/>
        <source>Preset message 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="91"/>
        <source>Send preset message 1 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="92"/>
        <source>Preset message 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="93"/>
        <source>Send preset message 2 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="94"/>
        <source>Preset message 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="95"/>
        <source>Send preset message 3 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="96"/>
        <source>Preset message 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="97"/>
        <source>Send preset message 4 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="98"/>
        <source>Preset message 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="99"/>
        <source>Send preset message 5 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="100"/>
        <source>Preset message 6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="101"/>
        <source>Send preset message 6 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="102"/>
        <source>Preset message 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="103"/>
        <source>Send preset message 7 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="104"/>
        <source>Preset message 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="105"/>
        <source>Send preset message 8 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="106"/>
        <source>Preset message 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="107"/>
        <source>Send preset message 9 to the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="108"/>
        <source>Flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="109"/>
        <source>Flash the stage display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="110"/>
        <source>Blackout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="111"/>
        <source>Black out every display, or bring them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="112"/>
        <source>Black out the projector only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="113"/>
        <source>Black out the projector or bring it back; the stage keeps its timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="115"/>
        <source>Holding slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="116"/>
        <source>The holding slide on the projector (picture or logo), or the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="118"/>
        <source>◀ Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="119"/>
        <source>Back to the previous cue (panel turn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="120"/>
        <source>Cue ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="121"/>
        <source>On to the next cue (panel turn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="122"/>
        <source>Go to selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="123"/>
        <source>Start the slot selected in the rundown now (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="125"/>
        <source>Roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="126"/>
        <source>Roll mode: the plan and the clock drive the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="128"/>
        <source>Take over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="129"/>
        <source>On a backup laptop: drive the show from here, from its copy of the record (the primary steps down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="133"/>
        <source>Edit slot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="134"/>
        <source>Edit the selected slot: title, length, start, speakers, notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="136"/>
        <source>Edit in place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="137"/>
        <source>Edit the selected slot&apos;s title, or the length or start cell you clicked, in the rundown (Enter keeps it, Esc drops it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="140"/>
        <source>Insert slot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="141"/>
        <source>Add a slot after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="142"/>
        <source>Delete slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="143"/>
        <source>Remove the selected slot from the plan (Backspace undoes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="145"/>
        <source>Move slot up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="146"/>
        <source>Move the selected slot one place earlier (or drag it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="148"/>
        <source>Move slot down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="149"/>
        <source>Move the selected slot one place later (or drag it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="151"/>
        <source>Skip slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="152"/>
        <source>Skip the selected slot (GO passes over it), or take it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="154"/>
        <source>Delay from here +5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="155"/>
        <source>The selected slot and every slot after it start 5 minutes later, hard starts too (a delay announced to the room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="158"/>
        <source>Earlier from here −5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="159"/>
        <source>The selected slot and every slot after it start 5 minutes earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="169"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShowRecords</name>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="64"/>
        <source>{file} was behind the show&apos;s last edits (the app stopped before saving them): saved them into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="71"/>
        <source>applied the edited {file}: {changes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="74"/>
        <source>kept the plan from the record; {file} differs ({changes}): File &gt; Reload agenda applies it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="83"/>
        <source>Show record: {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="89"/>
        <source>Start a new show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="90"/>
        <source>The show so far stays in its journal (and its report can still be exported). Start a new show on this agenda from the beginning?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="96"/>
        <source>New show: press GO to start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlotDialog</name>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="81"/>
        <source>Edit slot: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="82"/>
        <source>New slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="92"/>
        <source>15:00 or 15 (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="94"/>
        <source>HH:MM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="97"/>
        <source>Hard start (keeps this time of day)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="98"/>
        <source>A hard start keeps its time whatever runs before it (the end of a break, a live link). A soft start follows the slot before it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="106"/>
        <location filename="../../runofshow/ui/slot_dialog.py" line="121"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="106"/>
        <location filename="../../runofshow/ui/slot_dialog.py" line="121"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="106"/>
        <location filename="../../runofshow/ui/slot_dialog.py" line="121"/>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="109"/>
        <source>Add speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="111"/>
        <source>Remove speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="120"/>
        <location filename="../../runofshow/ui/slot_dialog.py" line="128"/>
        <source>Name, role, organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="125"/>
        <source>Add panellist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="126"/>
        <source>Remove panellist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="127"/>
        <source>Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="134"/>
        <source>Add cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="135"/>
        <source>Remove cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="136"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="137"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="143"/>
        <source>the event&apos;s default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="161"/>
        <source>Add notes once the slot is in the rundown (select it, press E).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="164"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="165"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="127"/>
        <location filename="../../runofshow/ui/slot_dialog.py" line="166"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="167"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="171"/>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="184"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="185"/>
        <source>Warning before the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="333"/>
        <source>Speaker {row} has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="328"/>
        <source>A name cannot hold a comma: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="127"/>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="150"/>
        <source>{column} cue for this slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="172"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="176"/>
        <source>Panellists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="180"/>
        <source>Cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="194"/>
        <source>Crew cues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="343"/>
        <source>Cue {row} has no title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="345"/>
        <source>Cue {row}: a title or speaker cannot hold |.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="348"/>
        <source>Cue {row}: type its length in minutes (3) or minutes and seconds (3:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="366"/>
        <source>The slot needs a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="369"/>
        <source>Length: type minutes (15) or minutes and seconds (15:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="374"/>
        <source>Start: type a time of day such as 15:10 (or untick Hard start).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="378"/>
        <source>Warning: type minutes (2) or minutes and seconds (2:00), or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="382"/>
        <source>Panellist {row} has no name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="428"/>
        <source>Warning: type a time; the plan keeps a slot&apos;s own warning once set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/slot_dialog.py" line="449"/>
        <source>Not done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SoundSwitch</name>
    <message>
        <location filename="../../runofshow/ui/sound_menu.py" line="25"/>
        <source>Sound: chime at the warning and at zero</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageView</name>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="29"/>
        <source>Last slot of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="33"/>
        <source>Next: {names} — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="34"/>
        <source>Next: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="36"/>
        <source>Next {time}: {names} — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="38"/>
        <source>Next {time}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ThumbnailStrip</name>
    <message>
        <location filename="../../runofshow/ui/thumbnails.py" line="106"/>
        <source>not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/thumbnails.py" line="108"/>
        <source>full screen on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/thumbnails.py" line="110"/>
        <source>stand-in window on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/thumbnails.py" line="111"/>
        <source>window on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/thumbnails.py" line="214"/>
        <source>{where} · blacked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/thumbnails.py" line="215"/>
        <source>{display} — {where}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CurrentMessage</name>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="113"/>
        <location filename="../../runofshow/ui/message_panel.py" line="144"/>
        <source>Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="113"/>
        <source>Pinned, the message stays through slot changes until cleared; unpinned, it goes when the show moves on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="119"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="136"/>
        <source>{where}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="136"/>
        <source>{where} (pinned): {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="139"/>
        <source>{where}: no message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/message_panel.py" line="144"/>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
