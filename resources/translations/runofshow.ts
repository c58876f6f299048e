<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AgendaFiles</name>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="50"/>
        <location filename="../../runofshow/ui/agenda_files.py" line="65"/>
        <source>This agenda cannot be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="51"/>
        <source>{path} has {count} problem(s). Fix them and open it again, or choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="66"/>
        <source>{path} has {count} problem(s); the current show keeps running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="98"/>
        <source>{path} was changed on disk and now has {count} problem(s). The show goes on with the last good agenda; fix the file and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="100"/>
        <source>{path} has {count} problem(s). The show goes on with the last good agenda; fix the file and save it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="102"/>
        <source>The agenda has errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="105"/>
        <source>Agenda not reloaded: {count} problem(s); the last good agenda is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/agenda_files.py" line="114"/>
        <source>no changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../runofshow/app.py" line="189"/>
        <source>Opened {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/app.py" line="272"/>
        <source>Internal error (logged): {error}; the show goes on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogPrompts</name>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="33"/>
        <source>Agendas (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="140"/>
        <source>Resume the show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="142"/>
        <source>A show on this agenda was in progress when the app stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="143"/>
        <source>It was {summary}.

Resume it where it is now, or start a new show? (A new show keeps the old journal.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="148"/>
        <source>Resume the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="149"/>
        <source>Start a new show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="156"/>
        <source>The agenda file changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="158"/>
        <source>The agenda file is not the plan this show was running on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="159"/>
        <source>It was edited while the app was closed. Keep running on the plan from the show&apos;s record (what the displays showed), or apply the file now as a reload?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="163"/>
        <source>Keep the recorded plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="164"/>
        <source>Apply the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="179"/>
        <source>Quit during the show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="181"/>
        <source>The show is under way. If you quit now, every display goes dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="182"/>
        <source>The show can be resumed where it is: its record keeps it, and runofshow offers to resume it when you start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="185"/>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="186"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="193"/>
        <source>Open agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="198"/>
        <source>Export report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="199"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayManager</name>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="102"/>
        <source>The {kind} screen &apos;{screen}&apos; is missing: the {kind} display is now a window on this screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="105"/>
        <source>The {kind} display would cover another display or this window: it is a window on this screen instead (Displays menu: choose its screen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="109"/>
        <source>The {kind} display is back on &apos;{screen}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="160"/>
        <source>{display} — on {screen} (stand-in window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="163"/>
        <source>{display} — on {screen}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="165"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="169"/>
        <source>Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="183"/>
        <source>{screen} (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/displays.py" line="188"/>
        <source>Flash the stage display at zero</source>
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
        <location filename="../../runofshow/ui/display_base.py" line="43"/>
        <source>runofshow — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="123"/>
        <source>Moderator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="143"/>
        <source>Projector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="129"/>
        <source>Speaker countdown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderLock</name>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="44"/>
        <source>runofshow is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/folder_lock.py" line="45"/>
        <source>runofshow cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ModeratorView</name>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="44"/>
        <source>Close the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="55"/>
        <source>{name} (moderator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="74"/>
        <source>After this: {time} {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="76"/>
        <source>After this: the end of the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="78"/>
        <source>The show has not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="79"/>
        <source>The show is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="83"/>
        <source>First: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="95"/>
        <source>On the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="99"/>
        <source>Running order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="105"/>
        <source>Now: {who}{title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="109"/>
        <source>Next: close the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="110"/>
        <source>Next: {who}{title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/moderator_view.py" line="113"/>
        <source>Panel time left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NowPanel</name>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="42"/>
        <source>Moderator: {moderator} · Panel: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="60"/>
        <source>Time of day at the venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="154"/>
        <source>Plan of {plan}, played on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="156"/>
        <source>The agenda is dated {plan}: its times are played on {day}. Change the agenda&apos;s date if that is not meant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="166"/>
        <source>BEFORE THE SHOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="169"/>
        <source>Starts at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="174"/>
        <source>past the planned start · press GO to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="175"/>
        <source>until the planned start · press GO to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="178"/>
        <source>THE SHOW IS OVER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="184"/>
        <source>ended at {time} · {drift}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="188"/>
        <source>NOW · {kind} · {start}–{end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="194"/>
        <source>{elapsed} of {duration}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="198"/>
        <source>{amount} added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="200"/>
        <source>back at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="204"/>
        <source>planned {day} at {time}, in {wait} · press GO to begin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="221"/>
        <source>Cue {number}/{count}: {title}{who}  {countdown}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="226"/>
        <source>Next cue: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="228"/>
        <source>Last cue: then close the panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="233"/>
        <source>Next: nothing — this is the last slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="236"/>
        <source>NEXT {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="245"/>
        <source>{symbol} {drift} · projected end {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="251"/>
        <source>STAGE MESSAGE: {message}  (flashing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="252"/>
        <source>STAGE MESSAGE: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="255"/>
        <source>BLACKOUT: {displays}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/now_panel.py" line="257"/>
        <source>ROLL MODE: the plan drives the show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorWindow</name>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="79"/>
        <source>NOTES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="86"/>
        <source>No private notes for this slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="88"/>
        <source>MESSAGE TO THE STAGE  (M to type, Enter to send, Esc to leave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="94"/>
        <source>e.g. Please wrap up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="98"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="101"/>
        <source>Send + flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="104"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="139"/>
        <source>Ready. Press Space (GO) to start the show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="141"/>
        <location filename="../../runofshow/ui/operator.py" line="297"/>
        <source>Last: {command}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="167"/>
        <source>Show controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="176"/>
        <source>{tip} ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="191"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="192"/>
        <source>Open agenda…</source>
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
        <source>New show on this agenda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="200"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="201"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="204"/>
        <source>Blackout one display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="212"/>
        <source>&amp;Displays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="213"/>
        <location filename="../../runofshow/ui/remote_panel.py" line="132"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="214"/>
        <source>Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="228"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="257"/>
        <source>Select a slot in the rundown first, then press G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="284"/>
        <source>runofshow — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="286"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="286"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="288"/>
        <source>Roll: ON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="288"/>
        <source>Roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="289"/>
        <source>Unblack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="289"/>
        <source>Blackout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="300"/>
        <source>Not done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="313"/>
        <source>⚠ RECORD NOT SAVED — {unsaved} not yet written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="316"/>
        <source>⚠ RECORD NOT SAVED: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/operator.py" line="318"/>
        <source>The show goes on. What it did since is kept in memory, in order, and written as soon as the disk takes it; until then a crash would lose it. Free disk space or check the state directory.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="88"/>
        <source>Choose another file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="90"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectorView</name>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="49"/>
        <source>… and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="73"/>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="74"/>
        <source>The programme starts at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="81"/>
        <source>Programme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="88"/>
        <source>Issues we will address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="94"/>
        <source>Thank you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="95"/>
        <source>for joining {event}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="101"/>
        <source>Starting {day} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="104"/>
        <source>Up next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="108"/>
        <location filename="../../runofshow/ui/projector_view.py" line="132"/>
        <source>Moderated by {moderator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="115"/>
        <source>Break — back at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="116"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="120"/>
        <source>Next: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/projector_view.py" line="125"/>
        <source>Thank you for joining us</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoteMenu</name>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="130"/>
        <source>&amp;Remote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="138"/>
        <source>Remote control and browser displays (on)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="139"/>
        <source>Remote control and browser displays (OFF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="143"/>
        <source>Remote control is off: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemotePanel</name>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="54"/>
        <source>Remote control and browser displays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="70"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="73"/>
        <source>Control token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="84"/>
        <source>API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="94"/>
        <source>Remote control is OFF: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="94"/>
        <source>not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="95"/>
        <source>Listening on {host}:{port} (HTTP and WebSocket).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="97"/>
        <source>OSC on UDP port {port}: /runofshow/COMMAND [args] with the token as the first argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="98"/>
        <source>OSC on UDP port {port}: /runofshow/COMMAND [args].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="101"/>
        <source>Every command needs the control token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="102"/>
        <source>The read-only views open without it (--public-views).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="103"/>
        <source>The view addresses below carry it: treat them like the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="105"/>
        <source>Loopback only: nothing on the network can reach it, so no token is needed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/remote_panel.py" line="118"/>
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
    <name>RundownModel</name>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="20"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="20"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="21"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="21"/>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="22"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="22"/>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="23"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="23"/>
        <source>Actual start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="24"/>
        <source>Actual end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="24"/>
        <source>Over/under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="25"/>
        <source>✓ done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="26"/>
        <source>▶ NOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="27"/>
        <location filename="../../runofshow/ui/rundown.py" line="33"/>
        <source>next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="29"/>
        <location filename="../../runofshow/ui/rundown.py" line="35"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="31"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="32"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="34"/>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/rundown.py" line="158"/>
        <source>on time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="106"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="109"/>
        <source>Keys work anywhere in the operator window except while you type in a text field (press Esc to leave it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="114"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="114"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/dialogs.py" line="114"/>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShowActions</name>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="58"/>
        <source>GO ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="59"/>
        <source>Start the show / start the loaded slot / go to the next slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="61"/>
        <source>◀ Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="62"/>
        <source>Go back to the previous slot (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="63"/>
        <source>Pause / Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="64"/>
        <source>Pause or resume the timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="65"/>
        <source>−1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="66"/>
        <source>Remove one minute from the current slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="68"/>
        <source>+1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="69"/>
        <source>Add one minute to the current slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="70"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="71"/>
        <source>Put the current slot back to its start, waiting for GO (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="73"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="74"/>
        <source>Undo the last command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="75"/>
        <source>Message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="76"/>
        <source>Type a message for the stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="77"/>
        <source>Clear message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="78"/>
        <source>Remove the stage message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="79"/>
        <source>Flash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="80"/>
        <source>Flash the stage display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="81"/>
        <source>Blackout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="82"/>
        <source>Black out every display, or bring them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="83"/>
        <source>◀ Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="84"/>
        <source>Back to the previous cue (panel turn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="85"/>
        <source>Cue ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="86"/>
        <source>On to the next cue (panel turn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="87"/>
        <source>Go to selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="88"/>
        <source>Start the slot selected in the rundown now (undoable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="90"/>
        <source>Roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="91"/>
        <source>Roll mode: the plan and the clock drive the show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/actions.py" line="96"/>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShowRecords</name>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="50"/>
        <source>applied the edited {file}: {changes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="53"/>
        <source>kept the plan from the record; {file} differs ({changes}): File &gt; Reload agenda applies it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="62"/>
        <source>Show record: {lines}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="67"/>
        <source>Start a new show?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="68"/>
        <source>The show so far stays in its journal (and its report can still be exported). Start a new show on this agenda from the beginning?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/show_record.py" line="74"/>
        <source>New show: press GO to start</source>
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
        <source>Next {time}: {names} — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../runofshow/ui/stage_view.py" line="35"/>
        <source>Next {time}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
