<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Format</name>
    <message>
        <location filename="../ui/widgets/format.cpp" line="24"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="26"/>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="28"/>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="30"/>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="31"/>
        <source>%1 d ago</source>
        <translation>vor %1 d</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="37"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="40"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="42"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="42"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="43"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="77"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>InstallPlan</name>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="22"/>
        <source>unknown vendor</source>
        <translation>unbekannter Hersteller</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="46"/>
        <source>pending approval</source>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="48"/>
        <source>draining</source>
        <translation>wird geleert</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="50"/>
        <source>requires gpu_vendor %1; node has %2</source>
        <translation>benötigt gpu_vendor %1; der Node hat %2</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="56"/>
        <source>Reinstall %1 on %2?</source>
        <translation>%1 auf %2 neu installieren?</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="57"/>
        <source>Install %1 on %2?</source>
        <translation>%1 auf %2 installieren?</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="59"/>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="62"/>
        <source>Not reachable now, kept pending until they return: %1</source>
        <translation>Derzeit nicht erreichbar, bleibt ausstehend, bis sie zurück sind: %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="107"/>
        <location filename="../app/fleetdeck/gui_main.cpp" line="139"/>
        <location filename="../app/fleetdeck/gui_main.cpp" line="148"/>
        <location filename="../app/fleetdeck/gui_main.cpp" line="219"/>
        <source>Fleetdeck</source>
        <translation>Fleetdeck</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="164"/>
        <source>Demo cluster</source>
        <translation>Demo-Cluster</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="212"/>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="213"/>
        <source>The new connection is used the next time Fleetdeck starts.</source>
        <translation>Die neue Verbindung wird beim nächsten Start von Fleetdeck verwendet.</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="219"/>
        <source>The demo could not be started.</source>
        <translation>Die Demo konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="238"/>
        <source>Fleetdeck could not start</source>
        <translation>Fleetdeck konnte nicht starten</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="239"/>
        <source>Connecting to %1 failed:
%2</source>
        <translation>Verbindung zu %1 fehlgeschlagen:
%2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::DemoTour</name>
    <message>
        <location filename="../engine/demo/demo_tour.cpp" line="201"/>
        <source>That was the tour. The demo cluster keeps running: try anything.</source>
        <translation>Das war die Tour. Der Demo-Cluster läuft weiter: Probieren Sie alles aus.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="44"/>
        <source>Welcome to the Fleetdeck demo: six nodes, one pending approval, one offline, one drained by its admin.</source>
        <translation>Willkommen in der Fleetdeck-Demo: sechs Nodes, einer wartet auf Freigabe, einer ist offline, einen hat sein Admin geleert.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="62"/>
        <source>Upgrading llama-cpp-cuda12 to b4120 on every node that has it: each node streams its own progress.</source>
        <translation>llama-cpp-cuda12 wird auf jedem Node, der es hat, auf b4120 aktualisiert: Jeder Node meldet seinen eigenen Fortschritt.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="64"/>
        <source>jetson-orin is still installing after the 20 s request timeout: Worker busy. The reconciler will confirm it.</source>
        <translation>jetson-orin installiert nach dem Anfrage-Timeout von 20 s noch: Worker belegt. Der Reconciler wird es bestätigen.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="71"/>
        <source>jetson-orin has finished: Reconcile now lists it, confirms the upgrade and finishes the op.</source>
        <translation>jetson-orin ist fertig: „Jetzt abgleichen“ listet es auf, bestätigt das Upgrade und schließt die Op ab.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="94"/>
        <source>Installing piper on gpu-a100-2: its artifact does not match the gallery&apos;s sha256.</source>
        <translation>piper wird auf gpu-a100-2 installiert: Sein Artefakt passt nicht zur sha256 der Galerie.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="96"/>
        <source>The piper install failed with a sha256 mismatch. Retry runs it again.</source>
        <translation>Die Installation von piper ist an einer sha256-Abweichung gescheitert. „Wiederholen“ führt sie erneut aus.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="116"/>
        <source>It failed again. Dismiss removes it from the operations bar; History keeps both attempts.</source>
        <translation>Sie ist erneut gescheitert. „Verwerfen“ entfernt sie aus der Operationsleiste; in „Aktivität“ bleiben beide Versuche erhalten.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="143"/>
        <source>Installing vllm on gpu-a100-1. Its link will stall for 75 s: watch the op turn Stalled after 60 s without progress.</source>
        <translation>vllm wird auf gpu-a100-1 installiert. Seine Verbindung stockt 75 s lang: Nach 60 s ohne Fortschritt zeigt die Op „Stockt“.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="157"/>
        <source>The install timeout is back to the demo&apos;s 20 s.</source>
        <translation>Das Timeout für Installationen steht wieder auf den 20 s der Demo.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="164"/>
        <source>No progress for 60 s: the vllm download on gpu-a100-1 is Stalled.</source>
        <translation>Seit 60 s kein Fortschritt: Der Download von vllm auf gpu-a100-1 stockt.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="171"/>
        <source>gpu-a100-1&apos;s link recovered: vllm finished installing.</source>
        <translation>Die Verbindung von gpu-a100-1 ist wieder da: vllm ist fertig installiert.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="224"/>
        <source>An install of whisper, abandoned 40 min ago by a replica that crashed, still shows as running.</source>
        <translation>Eine Installation von whisper, vor 40 min von einer abgestürzten Replika zurückgelassen, wird noch als laufend angezeigt.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="234"/>
        <source>Reap stale operations: the abandoned op is marked failed everywhere, with Retry and Dismiss.</source>
        <translation>Veraltete Operationen bereinigen: Die zurückgelassene Op wird überall als fehlgeschlagen markiert, mit „Wiederholen“ und „Verwerfen“.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="254"/>
        <source>Installing bark on gpu-a100-2.</source>
        <translation>bark wird auf gpu-a100-2 installiert.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="255"/>
        <source>gpu-a100-2 drops off the network in the middle of the download: no reply, no more heartbeats.</source>
        <translation>gpu-a100-2 fällt mitten im Download aus dem Netz: keine Antwort, keine Heartbeats mehr.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="270"/>
        <source>gpu-a100-2 no longer answers: Reconcile now sweeps its pending install and the op fails (&quot;node went offline before confirming&quot;).</source>
        <translation>gpu-a100-2 antwortet nicht mehr: „Jetzt abgleichen“ räumt seine ausstehende Installation ab, und die Op schlägt fehl („Node ging vor der Bestätigung offline“).</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="284"/>
        <source>No heartbeat from gpu-a100-2 for 30 s: the node is Offline.</source>
        <translation>Seit 30 s kein Heartbeat von gpu-a100-2: Der Node ist offline.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="289"/>
        <source>gpu-a100-2 is back on the network and registers again.</source>
        <translation>gpu-a100-2 ist wieder im Netz und registriert sich erneut.</translation>
    </message>
</context>
<context>
    <name>fleetdeck::EngineFeed</name>
    <message>
        <location filename="../ui/bridge/engine_feed.cpp" line="163"/>
        <source>Could not read nodes: %1</source>
        <translation>Nodes konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::SingleInstance</name>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="74"/>
        <source>cannot create the directory %1</source>
        <translation>das Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="92"/>
        <source>cannot create the lock file %1</source>
        <translation>die Sperrdatei %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="100"/>
        <source>another instance holds %1 but does not answer on %2</source>
        <translation>eine andere Instanz hält %1, antwortet aber nicht auf %2</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="114"/>
        <source>cannot listen on %1: %2</source>
        <translation>auf %1 kann nicht gelauscht werden: %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ActivityPage</name>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="25"/>
        <location filename="../ui/views/activity_page.cpp" line="30"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="66"/>
        <source>Outcome filter</source>
        <translation>Ergebnisfilter</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="67"/>
        <source>All outcomes</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="74"/>
        <source>Filter by backend</source>
        <translation>Backend filtern</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="75"/>
        <source>Backend filter</source>
        <translation>Backend-Filter</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="89"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="90"/>
        <source>Copy error</source>
        <translation>Fehler kopieren</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="101"/>
        <source>Nothing happened yet</source>
        <translation>Noch nichts geschehen</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="102"/>
        <source>Installs, upgrades and deletes appear here once they end, with their per-node results.</source>
        <translation>Installationen, Upgrades und Löschungen erscheinen hier, sobald sie abgeschlossen sind, mit den Ergebnissen je Node.</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="159"/>
        <source>Admit the operation again (failed, cancelled and dead-letter entries)</source>
        <translation>Die Operation erneut zulassen (fehlgeschlagene, abgebrochene und Dead-Letter-Einträge)</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="163"/>
        <source>Copy the full error text</source>
        <translation>Den vollständigen Fehlertext kopieren</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="207"/>
        <source>Retrying %1</source>
        <translation>%1 wird wiederholt</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="211"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendActions</name>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="41"/>
        <source>Not started</source>
        <translation>Nicht gestartet</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="45"/>
        <source>%1 is already running as op %2</source>
        <translation>%1 läuft bereits als Op %2</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="57"/>
        <location filename="../ui/actions/backend_actions.cpp" line="63"/>
        <source>Install %1</source>
        <translation>%1 installieren</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="58"/>
        <source>No node can take %1.</source>
        <translation>Kein Node kann %1 aufnehmen.</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="60"/>
        <source>skipped: %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="78"/>
        <source>Checking which nodes have %1…</source>
        <translation>Prüfe, welche Nodes %1 haben…</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="89"/>
        <source>no reachable node</source>
        <translation>kein erreichbarer Node</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="93"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="94"/>
        <source>Delete %1 from %2? Running inference on it stops.</source>
        <translation>%1 von %2 löschen? Laufende Inferenz darauf wird beendet.</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="96"/>
        <source>Upgrade %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="97"/>
        <source>Upgrade %1 to %2 on %3?</source>
        <translation>%1 auf %2 aktualisieren? Betrifft: %3</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="99"/>
        <source>Reinstall %1</source>
        <translation>%1 neu installieren</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="100"/>
        <source>Reinstall %1 on %2? Each node downloads it again.</source>
        <translation>%1 auf %2 neu installieren? Jeder Node lädt es erneut herunter.</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="103"/>
        <source>Not answering: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendsModel</name>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="64"/>
        <source>installed %1 on %2 of %n node(s)</source>
        <translation>
            <numerusform>%1 installiert auf %2 von %n Node</numerusform>
            <numerusform>%1 installiert auf %2 von %n Nodes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/backends_model.cpp" line="66"/>
        <source>not installed, version %1 available</source>
        <translation>nicht installiert, Version %1 verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/models/backends_model.cpp" line="68"/>
        <source>update %1 available</source>
        <translation>Update %1 verfügbar</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="70"/>
        <source>drift on %n node(s)</source>
        <translation>
            <numerusform>Abweichung auf %n Node</numerusform>
            <numerusform>Abweichung auf %n Nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendsPage</name>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="37"/>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="45"/>
        <source>All backends</source>
        <translation>Alle Backends</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="46"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="47"/>
        <source>Not installed</source>
        <translation>Nicht installiert</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="48"/>
        <source>Installed filter</source>
        <translation>Installationsfilter</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="49"/>
        <source>Show all, installed or not installed backends</source>
        <translation>Alle, installierte oder nicht installierte Backends anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="51"/>
        <location filename="../ui/views/backends_page.cpp" line="189"/>
        <source>All tags</source>
        <translation>Alle Tags</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="52"/>
        <source>Tag filter</source>
        <translation>Tag-Filter</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="53"/>
        <source>Show backends with this tag</source>
        <translation>Backends mit diesem Tag anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="55"/>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="57"/>
        <source>Only backends with an update available</source>
        <translation>Nur Backends mit verfügbarem Update</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="59"/>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="62"/>
        <source>Show development builds</source>
        <translation>Entwicklungs-Builds anzeigen</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="71"/>
        <source>Backend cards</source>
        <translation>Backend-Karten</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="204"/>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="204"/>
        <source>The gallery is read once Fleetdeck has connected to the cluster.</source>
        <translation>Die Galerie wird gelesen, sobald Fleetdeck mit dem Cluster verbunden ist.</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="208"/>
        <source>No gallery configured</source>
        <translation>Keine Galerie konfiguriert</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="209"/>
        <source>Add a gallery index in the settings (or start with --gallery URL) to see installable backends.</source>
        <translation>Fügen Sie in den Einstellungen einen Galerie-Index hinzu (oder starten Sie mit --gallery URL), um installierbare Backends zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="210"/>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::CardDelegate</name>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="81"/>
        <source>Install on all nodes</source>
        <translation>Überall installieren</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="81"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="82"/>
        <source>Install on nodes…</source>
        <translation>Auf Nodes installieren…</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="83"/>
        <source>Reinstall</source>
        <translation>Neu installieren</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="84"/>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="87"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="246"/>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="248"/>
        <source>Drift %1</source>
        <translation>Abweichung %1</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="250"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="252"/>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="254"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="261"/>
        <source>No description</source>
        <translation>Keine Beschreibung</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="279"/>
        <source>%1/%2 nodes</source>
        <translation>%1/%2 Nodes</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="279"/>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="430"/>
        <source>More actions for %1</source>
        <translation>Weitere Aktionen für %1</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="432"/>
        <source>%1 is busy: %2</source>
        <translation>%1 ist beschäftigt: %2</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="433"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="437"/>
        <source>Versions differ across nodes: %1</source>
        <translation>Versionen unterscheiden sich zwischen Nodes: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectingPanel</name>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="20"/>
        <source>Connecting to the cluster</source>
        <translation>Verbindung zum Cluster</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="34"/>
        <source>Fleetdeck tries again every 5 s and opens the cluster by itself once the store answers. Check the store&apos;s address, or change the connection in Settings…, or look around the demo.</source>
        <translation>Fleetdeck versucht es alle 5 s erneut und öffnet den Cluster von selbst, sobald der Store antwortet. Prüfen Sie die Adresse des Stores, ändern Sie die Verbindung unter Einstellungen… oder sehen Sie sich die Demo an.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="48"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="49"/>
        <source>Connection profiles: the store and NATS this window connects to</source>
        <translation>Verbindungsprofile: Store und NATS, mit denen sich dieses Fenster verbindet</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="50"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="51"/>
        <source>Open the offline demo cluster in a new window</source>
        <translation>Den Offline-Demo-Cluster in einem neuen Fenster öffnen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="79"/>
        <source>Connecting to store %1… (attempt %2)</source>
        <translation>Verbindung zum Store %1… (Versuch %2)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="80"/>
        <source>Connecting to store %1: %2 (attempt %3)</source>
        <translation>Verbindung zum Store %1: %2 (Versuch %3)</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionIndicator</name>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="21"/>
        <source>◌ Connecting…</source>
        <translation>◌ Verbinde…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="23"/>
        <source>● Live</source>
        <translation>● Live</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="25"/>
        <source>◐ Stale %1 s</source>
        <translation>◐ Veraltet %1 s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="28"/>
        <source>○ Disconnected</source>
        <translation>○ Getrennt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="44"/>
        <source>connecting to the store</source>
        <translation>Verbindung zum Store wird hergestellt</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="44"/>
        <source>store unreachable: %1</source>
        <translation>Store nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="46"/>
        <source>Connected; data is live</source>
        <translation>Verbunden; Daten sind aktuell</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="48"/>
        <source>Connection: %1. %2</source>
        <translation>Verbindung: %1. %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionTester</name>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="51"/>
        <source>Store %1: testing…</source>
        <translation>Store %1: wird getestet…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="52"/>
        <source>NATS %1: testing…</source>
        <translation>NATS %1: wird getestet…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="54"/>
        <source>Gallery %1: testing…</source>
        <translation>Galerie %1: wird getestet…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="56"/>
        <source>No gallery configured for this profile (the cluster&apos;s galleries apply)</source>
        <translation>Keine Galerie für dieses Profil konfiguriert (es gelten die Galerien des Clusters)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="107"/>
        <source>Store %1: the directory %2 does not exist or is not writable</source>
        <translation>Store %1: Das Verzeichnis %2 existiert nicht oder ist nicht beschreibbar</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="109"/>
        <source>Store %1: a new store is created there on connect</source>
        <translation>Store %1: Beim Verbinden wird dort ein neuer Store angelegt</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="121"/>
        <location filename="../ui/connection/connection_tester.cpp" line="128"/>
        <location filename="../ui/connection/connection_tester.cpp" line="134"/>
        <source>Store %1: %2</source>
        <translation>Store %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="137"/>
        <source>Store %1: connected, cluster %2, schema %3</source>
        <translation>Store %1: verbunden, Cluster %2, Schema %3</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="140"/>
        <source>Store %1: connected; no Fleetdeck schema yet (created on connect)</source>
        <translation>Store %1: verbunden; noch kein Fleetdeck-Schema (wird beim Verbinden angelegt)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="177"/>
        <location filename="../ui/connection/connection_tester.cpp" line="179"/>
        <location filename="../ui/connection/connection_tester.cpp" line="193"/>
        <source>NATS %1: %2</source>
        <translation>NATS %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="183"/>
        <source>flush timed out</source>
        <translation>Flush-Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="192"/>
        <source>NATS %1: connected (auth: %2)</source>
        <translation>NATS %1: verbunden (Auth: %2)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="219"/>
        <source>Gallery %1: timed out</source>
        <translation>Galerie %1: Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="221"/>
        <source>Gallery %1: %2</source>
        <translation>Galerie %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connection/connection_tester.cpp" line="224"/>
        <source>Gallery %1: &quot;%2&quot;, %n backend(s)</source>
        <translation>
            <numerusform>Galerie %1: „%2“, %n Backend</numerusform>
            <numerusform>Galerie %1: „%2“, %n Backends</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::GalleryListEditor</name>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="17"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="17"/>
        <source>URL or path</source>
        <translation>URL oder Pfad</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="28"/>
        <source>&amp;Add gallery</source>
        <translation>Galerie &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="29"/>
        <source>Re&amp;move</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="30"/>
        <source>Remove the selected gallery</source>
        <translation>Die ausgewählte Galerie entfernen</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::HistoryModel</name>
    <message>
        <location filename="../ui/models/history_model.cpp" line="43"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="45"/>
        <location filename="../ui/models/history_model.cpp" line="75"/>
        <source>Failed</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="47"/>
        <location filename="../ui/models/history_model.cpp" line="77"/>
        <source>Cancelled</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="49"/>
        <source>Worker busy</source>
        <translation>Worker belegt</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="51"/>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="73"/>
        <source>Succeeded</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="79"/>
        <source>Dead letter</source>
        <translation>Dead Letter</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="103"/>
        <source>Reinstall</source>
        <translation>Neuinstallation</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="103"/>
        <source>Install</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="105"/>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="107"/>
        <source>Delete</source>
        <translation>Löschung</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="120"/>
        <source>%1 · 1 attempt</source>
        <translation>%1 · 1 Versuch</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="120"/>
        <source>%1 · %2 attempts</source>
        <translation>%1 · %2 Versuche</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="138"/>
        <source>%1 ok</source>
        <translation>%1 ok</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="140"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="142"/>
        <source>%1 cancelled</source>
        <translation>%1 abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="144"/>
        <source>%1 queued</source>
        <translation>%1 in Warteschlange</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="146"/>
        <source>%1 in progress</source>
        <translation>%1 laufend</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="265"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="266"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="267"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="268"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="269"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="270"/>
        <source>Requested by</source>
        <translation>Angefordert von</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="271"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="272"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="273"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="308"/>
        <source>%1 %2: %3, %4</source>
        <translation>%1 %2: %3, %4</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="312"/>
        <source>, nodes: %1</source>
        <translation>, Nodes: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="314"/>
        <source>, error: %1</source>
        <translation>, Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="344"/>
        <source>%1 (op %2)</source>
        <translation>%1 (Op %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="376"/>
        <source>Admit %1 again on %2</source>
        <translation>%1 auf %2 erneut zulassen</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="377"/>
        <source>Admit this operation again</source>
        <translation>Diese Operation erneut zulassen</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="113"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="399"/>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="400"/>
        <source>%1 on %2: %3, %4</source>
        <translation>%1 auf %2: %3, %4</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="418"/>
        <source>1 attempt</source>
        <translation>1 Versuch</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="418"/>
        <source>%1 attempts</source>
        <translation>%1 Versuche</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="38"/>
        <source>Fleetdeck</source>
        <translation>Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="126"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Manage</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="158"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="159"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="178"/>
        <source>Search backends, nodes, ops…  (Ctrl+K)</source>
        <translation>Backends, Nodes, Ops suchen…  (Strg+K)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="179"/>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Search the current page</source>
        <translation>Die aktuelle Seite durchsuchen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="196"/>
        <source>⟳ Reconcile</source>
        <translation>⟳ Abgleichen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Reconcile now (Ctrl+R); more in the menu</source>
        <translation>Jetzt abgleichen (Strg+R); mehr im Menü</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="200"/>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>Reconcile now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>Reap stale operations</source>
        <translation>Veraltete Operationen bereinigen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="202"/>
        <source>Clean stale pending ops</source>
        <translation>Veraltete ausstehende Ops entfernen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Connection &amp;profiles…</source>
        <translation>Verbindungs&amp;profile…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="214"/>
        <source>Cluster &amp;settings…</source>
        <translation>Cluster-&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Backends</source>
        <translation>&amp;Backends</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Manage</source>
        <translation>&amp;Verwalten</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Nodes</source>
        <translation>&amp;Nodes</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Activity</source>
        <translation>A&amp;ktivität</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="223"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="245"/>
        <source>&amp;Reconcile now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>Reap &amp;stale operations</source>
        <translation>&amp;Veraltete Operationen bereinigen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>Clean stale &amp;pending ops</source>
        <translation>Veraltete aus&amp;stehende Ops entfernen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>Check for &amp;updates</source>
        <translation>Nach &amp;Updates suchen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>&amp;About Fleetdeck</source>
        <translation>Ü&amp;ber Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>About Fleetdeck</source>
        <translation>Über Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>Fleetdeck %1
Install, upgrade and delete inference backends on every node, live.</source>
        <translation>Fleetdeck %1
Inferenz-Backends auf jedem Node installieren, aktualisieren und löschen, live.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Backends, Manage, Nodes, Activity</source>
        <translation>Backends, Verwalten, Nodes, Aktivität</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Check for updates</source>
        <translation>Nach Updates suchen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Cluster settings</source>
        <translation>Cluster-Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="269"/>
        <source>Run a card&apos;s primary action</source>
        <translation>Die Hauptaktion einer Karte ausführen</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>Copy the selected operation or error</source>
        <translation>Die ausgewählte Operation oder den Fehler kopieren</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>Delete the selected node (asks first)</source>
        <translation>Den ausgewählten Node löschen (mit Rückfrage)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>This help</source>
        <translation>Diese Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="279"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="311"/>
        <source>%1 — Fleetdeck</source>
        <translation>%1 — Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="324"/>
        <source>Last reconcile %1: %2</source>
        <translation>Letzter Abgleich %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="327"/>
        <source>No reconcile report yet</source>
        <translation>Noch kein Abgleichsbericht</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="333"/>
        <source>not connected yet</source>
        <translation>noch nicht verbunden</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="337"/>
        <source>cluster %1… · %2/%3 nodes healthy</source>
        <translation>Cluster %1… · %2/%3 Nodes fehlerfrei</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="353"/>
        <source>store unreachable</source>
        <translation>Store nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="353"/>
        <source>not connected yet: Fleetdeck is starting</source>
        <translation>noch nicht verbunden: Fleetdeck startet</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="381"/>
        <source>Reconciling…</source>
        <translation>Abgleich läuft…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="388"/>
        <source>Reap stale operations: %n op(s) reaped</source>
        <translation>
            <numerusform>Veraltete Operationen bereinigen: %n Op bereinigt</numerusform>
            <numerusform>Veraltete Operationen bereinigen: %n Ops bereinigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="395"/>
        <source>Clean stale pending ops: %n stale pending op(s) deleted</source>
        <translation>
            <numerusform>Veraltete ausstehende Ops entfernen: %n veraltete ausstehende Op gelöscht</numerusform>
            <numerusform>Veraltete ausstehende Ops entfernen: %n veraltete ausstehende Ops gelöscht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>Quit Fleetdeck</source>
        <translation>Fleetdeck beenden</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="412"/>
        <source>%n operation(s) are running on this Fleetdeck instance. Quit anyway? The reconciler will finish them.</source>
        <translation>
            <numerusform>Auf dieser Fleetdeck-Instanz läuft %n Operation. Trotzdem beenden? Der Reconciler schließt sie ab.</numerusform>
            <numerusform>Auf dieser Fleetdeck-Instanz laufen %n Operationen. Trotzdem beenden? Der Reconciler schließt sie ab.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ManageModel</name>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="296"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="297"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="298"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="299"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="300"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="301"/>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="319"/>
        <source>version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="319"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="321"/>
        <source>update %1 available</source>
        <translation>Update %1 verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="323"/>
        <source>drift on 1 node</source>
        <translation>Abweichung auf 1 Node</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="323"/>
        <source>drift on %1 nodes</source>
        <translation>Abweichung auf %1 Nodes</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="324"/>
        <source>on 1 node</source>
        <translation>auf 1 Node</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="324"/>
        <source>on %1 nodes</source>
        <translation>auf %1 Nodes</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="328"/>
        <source>protected</source>
        <translation>geschützt</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="339"/>
        <source>An operation runs for this backend</source>
        <translation>Für dieses Backend läuft eine Operation</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="342"/>
        <source>Upgrade</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="343"/>
        <source>Upgrade %1 to %2 on every node</source>
        <translation>%1 auf jedem Node auf %2 aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="344"/>
        <source>Reinstall</source>
        <translation>Neu installieren</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="345"/>
        <source>Download and install %1 again on the nodes that have it</source>
        <translation>%1 auf den Nodes, die es haben, erneut herunterladen und installieren</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="346"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="347"/>
        <source>Delete %1 from every node</source>
        <translation>%1 von jedem Node löschen</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="372"/>
        <source>%1 (for %2)</source>
        <translation>%1 (für %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="376"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="378"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="380"/>
        <source>Development</source>
        <translation>Entwicklung</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="391"/>
        <source>Installed: %1</source>
        <translation>Installiert: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="393"/>
        <source>Available: %1</source>
        <translation>Verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="395"/>
        <location filename="../ui/models/manage_model.cpp" line="406"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="401"/>
        <source>Update</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="401"/>
        <source>Update %1</source>
        <translation>Update %1</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="407"/>
        <source>Drift: 1 node</source>
        <translation>Abweichung: 1 Node</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="407"/>
        <source>Drift: %1 nodes</source>
        <translation>Abweichung: %1 Nodes</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="433"/>
        <source>Protected</source>
        <translation>Geschützt</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="434"/>
        <location filename="../ui/models/manage_model.cpp" line="437"/>
        <source>System backends come with the worker and cannot be changed here</source>
        <translation>System-Backends gehören zum Worker und können hier nicht geändert werden</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ManagePage</name>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="33"/>
        <source>Manage</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="39"/>
        <source>Installed backends</source>
        <translation>Installierte Backends</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="54"/>
        <location filename="../ui/views/manage_page.cpp" line="95"/>
        <source>Check for updates</source>
        <translation>Nach Updates suchen</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="55"/>
        <source>Ask the upgrade leader to list every node and compare with the galleries</source>
        <translation>Den Upgrade-Leader bitten, jeden Node aufzulisten und mit den Galerien zu vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="56"/>
        <location filename="../ui/views/manage_page.cpp" line="138"/>
        <location filename="../ui/views/manage_page.cpp" line="244"/>
        <source>Upgrade all</source>
        <translation>Alle aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="62"/>
        <source>Update check requested</source>
        <translation>Update-Prüfung angefordert</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="66"/>
        <location filename="../ui/views/manage_page.cpp" line="80"/>
        <location filename="../ui/views/manage_page.cpp" line="87"/>
        <source>Upgrade</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="67"/>
        <location filename="../ui/views/manage_page.cpp" line="82"/>
        <location filename="../ui/views/manage_page.cpp" line="89"/>
        <source>Reinstall</source>
        <translation>Neu installieren</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="68"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="97"/>
        <source>No installed backends</source>
        <translation>Keine installierten Backends</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="117"/>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="118"/>
        <source>checked %1</source>
        <translation>geprüft %1</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="136"/>
        <source>Upgrade %1</source>
        <translation>%1 aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="137"/>
        <source>No backend has an update</source>
        <translation>Kein Backend hat ein Update</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="138"/>
        <source>Upgrade all (%1)</source>
        <translation>Alle aktualisieren (%1)</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="146"/>
        <source>No node reports an installed backend. Install one from the Backends page.</source>
        <translation>Kein Node meldet ein installiertes Backend. Installieren Sie eines auf der Seite „Backends“.</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="147"/>
        <source>No update check has reported yet; the upgrade leader runs one shortly after it starts.</source>
        <translation>Noch keine Update-Prüfung gemeldet; der Upgrade-Leader führt kurz nach seinem Start eine aus.</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="149"/>
        <source>%1 ⬆</source>
        <translation>%1 ⬆</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="195"/>
        <source>Upgrade the selected backends that have an update</source>
        <translation>Die ausgewählten Backends mit Update aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="195"/>
        <source>No update available</source>
        <translation>Kein Update verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="199"/>
        <source>Download and install again on the nodes that have it</source>
        <translation>Auf den Nodes, die es haben, erneut herunterladen und installieren</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="200"/>
        <location filename="../ui/views/manage_page.cpp" line="204"/>
        <source>System backends are protected</source>
        <translation>System-Backends sind geschützt</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="204"/>
        <source>Delete from every node (Delete)</source>
        <translation>Von jedem Node löschen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="224"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="235"/>
        <source>%1 already has a running operation</source>
        <translation>%1 hat bereits eine laufende Operation</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="237"/>
        <source>%1 admitted</source>
        <translation>%1 zugelassen</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="268"/>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="270"/>
        <source>%1 from its node</source>
        <translation>%1 von seinem Node</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="270"/>
        <source>%1 from its %2 nodes</source>
        <translation>%1 von seinen %2 Nodes</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="272"/>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="274"/>
        <source>Not reachable, not checked: %1</source>
        <translation>Nicht erreichbar, nicht geprüft: %1</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="276"/>
        <source>Delete backends</source>
        <translation>Backends löschen</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="279"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="285"/>
        <source>Finding the nodes that have %1…</source>
        <translation>Suche die Nodes, die %1 haben…</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodePickerDialog</name>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="15"/>
        <source>Install %1 on nodes</source>
        <translation>%1 auf Nodes installieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="17"/>
        <source>Choose the nodes that get %1. Each node gets its own operation.</source>
        <translation>Wählen Sie die Nodes, die %1 erhalten. Jeder Node erhält eine eigene Operation.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="21"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="24"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="28"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="32"/>
        <source>Install</source>
        <translation>Installieren</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodesModel</name>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="42"/>
        <source>Healthy</source>
        <translation>Fehlerfrei</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="43"/>
        <source>Unhealthy</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="44"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="45"/>
        <source>Draining</source>
        <translation>Wird geleert</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="48"/>
        <source>Pending approval</source>
        <translation>Wartet auf Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="66"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="69"/>
        <source>last seen %1</source>
        <translation>zuletzt %1</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="84"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="94"/>
        <source>%1 ×%2</source>
        <translation>%1 ×%2</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="97"/>
        <source>%1 VRAM</source>
        <translation>%1 VRAM</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="100"/>
        <source>%1 RAM</source>
        <translation>%1 RAM</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="103"/>
        <source>1 core</source>
        <translation>1 Kern</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="103"/>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="112"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="113"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="114"/>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="115"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="116"/>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="117"/>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="118"/>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="148"/>
        <source>%1: %2, heartbeat %3</source>
        <translation>%1: %2, Heartbeat %3</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="149"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="162"/>
        <location filename="../ui/models/nodes_model_cells.cpp" line="195"/>
        <location filename="../ui/models/nodes_model_cells.cpp" line="243"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="169"/>
        <source>%1 (id %2)</source>
        <translation>%1 (ID %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="205"/>
        <location filename="../ui/models/nodes_model_cells.cpp" line="211"/>
        <source>%1=%2</source>
        <translation>%1=%2</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="231"/>
        <source>Expand to list this node&apos;s backends</source>
        <translation>Aufklappen, um die Backends dieses Nodes aufzulisten</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="232"/>
        <source>Listing backends…</source>
        <translation>Backends werden aufgelistet…</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="233"/>
        <source>No backends installed</source>
        <translation>Keine Backends installiert</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="234"/>
        <source>Listing failed: %1</source>
        <translation>Auflisten fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="256"/>
        <source>%1 on %2: installed, version %3</source>
        <translation>%1 auf %2: installiert, Version %3</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="256"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="262"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="271"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="275"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="277"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="285"/>
        <source>installed %1</source>
        <translation>installiert %1</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="293"/>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="305"/>
        <source>Update %1</source>
        <translation>Update %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodesPage</name>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="38"/>
        <location filename="../ui/views/nodes_page.cpp" line="57"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="59"/>
        <source>Registration is open: any client on the bus can register a node</source>
        <translation>Registrierung ist offen: Jeder Client am Bus kann einen Node registrieren</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="60"/>
        <source>Set nodes/registration_token in Settings so that only workers holding the token can register</source>
        <translation>Setzen Sie nodes/registration_token in den Einstellungen, damit sich nur Worker mit dem Token registrieren können</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="68"/>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="69"/>
        <source>Drain…</source>
        <translation>Leeren…</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="70"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="71"/>
        <source>Delete node…</source>
        <translation>Node löschen…</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="72"/>
        <source>Upgrade on this node</source>
        <translation>Auf diesem Node aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="73"/>
        <source>Reinstall on this node</source>
        <translation>Auf diesem Node neu installieren</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="74"/>
        <source>Delete from this node…</source>
        <translation>Von diesem Node löschen…</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="99"/>
        <source>Copy command</source>
        <translation>Befehl kopieren</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="105"/>
        <source>No nodes yet</source>
        <translation>Noch keine Nodes</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="156"/>
        <source>Start %1 on a node</source>
        <translation>Starten Sie %1 auf einem Node</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="165"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="190"/>
        <source>Backends are listed from healthy and unhealthy nodes only; this node %1</source>
        <translation>Backends werden nur von fehlerfreien und gestörten Nodes aufgelistet; dieser Node %1</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="205"/>
        <source>the node was not listed</source>
        <translation>der Node wurde nicht aufgelistet</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="246"/>
        <source>Approve the selected pending nodes</source>
        <translation>Die ausgewählten ausstehenden Nodes freigeben</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="248"/>
        <source>Stop sending requests to the selected nodes</source>
        <translation>Keine Anfragen mehr an die ausgewählten Nodes senden</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="250"/>
        <source>Let the selected nodes take requests again</source>
        <translation>Die ausgewählten Nodes wieder Anfragen annehmen lassen</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="251"/>
        <source>Remove the selected nodes from the registry (Delete)</source>
        <translation>Die ausgewählten Nodes aus der Registry entfernen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="258"/>
        <source>System backends are protected</source>
        <translation>System-Backends sind geschützt</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="260"/>
        <source>Upgrade on the node it is installed on</source>
        <translation>Auf dem Node aktualisieren, auf dem es installiert ist</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="260"/>
        <source>No update available for this node</source>
        <translation>Kein Update für diesen Node verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="262"/>
        <source>Download and install again on that node</source>
        <translation>Auf diesem Node erneut herunterladen und installieren</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="263"/>
        <source>Delete from that node (Delete)</source>
        <translation>Von diesem Node löschen (Entf)</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="293"/>
        <source>Drain nodes</source>
        <translation>Nodes leeren</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="294"/>
        <source>Drain %1?

A draining node receives no new requests; what runs on it finishes. Resume it to take requests again.</source>
        <translation>%1 leeren?

Ein Node, der geleert wird, erhält keine neuen Anfragen; was darauf läuft, läuft zu Ende. Setzen Sie ihn fort, damit er wieder Anfragen annimmt.</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="303"/>
        <source>Approved 1 node</source>
        <translation>1 Node freigegeben</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="303"/>
        <source>Approved %1 nodes</source>
        <translation>%1 Nodes freigegeben</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="304"/>
        <source>Drained 1 node</source>
        <translation>1 Node geleert</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="304"/>
        <source>Drained %1 nodes</source>
        <translation>%1 Nodes geleert</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="307"/>
        <source>Resumed 1 node</source>
        <translation>1 Node fortgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="307"/>
        <source>Resumed %1 nodes</source>
        <translation>%1 Nodes fortgesetzt</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="330"/>
        <source>Delete nodes</source>
        <translation>Nodes löschen</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="331"/>
        <source>Delete %1?

The pending operations of these nodes are deleted. A worker that is still running registers again, as pending approval, unless it is stopped first.</source>
        <translation>%1 löschen?

Die ausstehenden Operationen dieser Nodes werden gelöscht. Ein Worker, der noch läuft, registriert sich erneut als „wartet auf Freigabe“, sofern er nicht vorher gestoppt wird.</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="338"/>
        <source>Deleted 1 node</source>
        <translation>1 Node gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="338"/>
        <source>Deleted %1 nodes</source>
        <translation>%1 Nodes gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="345"/>
        <source>%1: 1 operation cancelled</source>
        <translation>%1: 1 Operation abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="345"/>
        <source>%1: %2 operations cancelled</source>
        <translation>%1: %2 Operationen abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="362"/>
        <location filename="../ui/views/nodes_page.cpp" line="384"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="364"/>
        <source>Delete backends</source>
        <translation>Backends löschen</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="364"/>
        <source>Delete %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="373"/>
        <source>Deleting %1</source>
        <translation>%1 wird gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="374"/>
        <source>Upgrading %1</source>
        <translation>%1 wird aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="375"/>
        <source>Reinstalling %1</source>
        <translation>%1 wird neu installiert</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="375"/>
        <source>Installing %1</source>
        <translation>%1 wird installiert</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NotificationDigest</name>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="15"/>
        <source>%1; and %n more</source>
        <translation>
            <numerusform>%1; und %n weitere</numerusform>
            <numerusform>%1; und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tray/notification_digest.cpp" line="16"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/tray/notification_digest.cpp" line="27"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="122"/>
        <source>%n operation(s) failed</source>
        <translation>
            <numerusform>%n Operation fehlgeschlagen</numerusform>
            <numerusform>%n Operationen fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="123"/>
        <source>%n node(s) offline</source>
        <translation>
            <numerusform>%n Node offline</numerusform>
            <numerusform>%n Nodes offline</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tray/notification_digest.cpp" line="125"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpPresentation</name>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="17"/>
        <source>Installing</source>
        <comment>card state, short</comment>
        <translation>Installation</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="18"/>
        <source>Upgrading</source>
        <comment>card state, short</comment>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="21"/>
        <source>Removing</source>
        <comment>card state, short</comment>
        <translation>Entfernung</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="41"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="168"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="49"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="172"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="55"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="66"/>
        <source>Installing</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="67"/>
        <source>Upgrading</source>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="70"/>
        <source>Removing</source>
        <translation>Entfernung</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="76"/>
        <source>install</source>
        <translation>installiert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="77"/>
        <source>upgrade</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="80"/>
        <source>delete</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="21"/>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="99"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="153"/>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="100"/>
        <source>Waiting for a free executor slot</source>
        <translation>Wartet auf einen freien Executor-Platz</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="105"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="160"/>
        <source>Worker busy</source>
        <translation>Worker belegt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="28"/>
        <source>%1 · %2</source>
        <comment>file name · bytes</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/presentation/progress_text.cpp" line="50"/>
        <source>%1 on %n node(s)</source>
        <comment>state on node count</comment>
        <translation>
            <numerusform>%1 auf %n Node</numerusform>
            <numerusform>%1 auf %n Nodes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="58"/>
        <source>the worker is still deleting; the reconciler will confirm</source>
        <translation>der Worker löscht noch; der Reconciler bestätigt das Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="59"/>
        <source>the worker is still installing; the reconciler will confirm</source>
        <translation>der Worker installiert noch; der Reconciler bestätigt das Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="61"/>
        <source>the worker on %1 is still deleting; the reconciler will confirm</source>
        <translation>der Worker auf %1 löscht noch; der Reconciler bestätigt das Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="62"/>
        <source>the worker on %1 is still installing; the reconciler will confirm</source>
        <translation>der Worker auf %1 installiert noch; der Reconciler bestätigt das Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="119"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="182"/>
        <source>Stalled</source>
        <translation>Stockt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="120"/>
        <source>Stalled · %1</source>
        <comment>stalled · percentage</comment>
        <translation>Stockt · %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="121"/>
        <source>no progress for %1</source>
        <translation>kein Fortschritt seit %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="133"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="153"/>
        <source>Deleting</source>
        <translation>Wird gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="134"/>
        <source>Deleting…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="138"/>
        <source>%1 · %2</source>
        <comment>verb · percentage</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="139"/>
        <source>%1…</source>
        <comment>verb…</comment>
        <translation>%1…</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="150"/>
        <source>Waiting for node</source>
        <translation>Wartet auf Node</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="156"/>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="157"/>
        <source>Verifying</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="158"/>
        <source>Extracting</source>
        <translation>Wird entpackt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="164"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="191"/>
        <location filename="../ui/presentation/progress_text.cpp" line="48"/>
        <source>%1 on %2</source>
        <comment>state on node</comment>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsBar</name>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="56"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="74"/>
        <source>Copy text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="76"/>
        <source>Copy details</source>
        <translation>Details kopieren</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="117"/>
        <source>Operations — %1 active, %2 failed</source>
        <translation>Operationen — %1 aktiv, %2 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsDelegate</name>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="80"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="81"/>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="82"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="83"/>
        <source>Retry on this node</source>
        <translation>Auf diesem Node wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="221"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="267"/>
        <source>Start this operation again</source>
        <translation>Diese Operation erneut starten</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="268"/>
        <source>Remove this failure from the bar (it stays in Activity)</source>
        <translation>Diesen Fehler aus der Leiste entfernen (er bleibt in „Aktivität“)</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="269"/>
        <source>Cancel this operation on every node</source>
        <translation>Diese Operation auf jedem Node abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="270"/>
        <source>Run this operation again on this node only</source>
        <translation>Diese Operation nur auf diesem Node erneut ausführen</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="280"/>
        <source>Details:
%1</source>
        <translation>Details:
%1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsModel</name>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="20"/>
        <source> on %1</source>
        <translation> auf %1</translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="23"/>
        <source>Failed to %1 backend: %2%3 (%4)</source>
        <translation>Backend konnte nicht %1 werden: %2%3 (%4)</translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="27"/>
        <source>%1 backend: %2%3</source>
        <translation>%1: Backend %2%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/ops_model.cpp" line="53"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n Node</numerusform>
            <numerusform>%n Nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfileEditor</name>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="33"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="33"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="34"/>
        <source>e.g. production</source>
        <translation>z. B. production</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="37"/>
        <source>Profile kind</source>
        <translation>Profilart</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="38"/>
        <source>Cluster (PostgreSQL or SQLite store, NATS)</source>
        <translation>Cluster (PostgreSQL- oder SQLite-Store, NATS)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="39"/>
        <source>Demo (offline, temporary)</source>
        <translation>Demo (offline, temporär)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="40"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="43"/>
        <source>NATS</source>
        <translation>NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="46"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="46"/>
        <source>NATS URL</source>
        <translation>NATS-URL</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="50"/>
        <source>NATS authentication</source>
        <translation>NATS-Authentifizierung</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="51"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="52"/>
        <source>User and password</source>
        <translation>Benutzer und Passwort</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="53"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="54"/>
        <source>Credentials file</source>
        <translation>Credentials-Datei</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="55"/>
        <source>TLS CA only</source>
        <translation>Nur TLS-CA</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="56"/>
        <source>&amp;Authentication:</source>
        <translation>Authentifi&amp;zierung:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="57"/>
        <source>U&amp;ser:</source>
        <translation>Be&amp;nutzer:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="57"/>
        <source>NATS user</source>
        <translation>NATS-Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="58"/>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="58"/>
        <source>NATS password</source>
        <translation>NATS-Passwort</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="59"/>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="59"/>
        <source>NATS token</source>
        <translation>NATS-Token</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="60"/>
        <source>&amp;Credentials file:</source>
        <translation>&amp;Credentials-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="60"/>
        <source>NATS credentials file</source>
        <translation>NATS-Credentials-Datei</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="61"/>
        <source>NATS credentials (*.creds);;All files (*)</source>
        <translation>NATS-Credentials (*.creds);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="62"/>
        <source>TLS C&amp;A file:</source>
        <translation>TLS-C&amp;A-Datei:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="62"/>
        <source>TLS CA certificates file</source>
        <translation>Datei mit TLS-CA-Zertifikaten</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="63"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="64"/>
        <source>optional; a tls:// URL also turns TLS on</source>
        <translation>optional; eine tls://-URL schaltet TLS ebenfalls ein</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="67"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="72"/>
        <source>Store type</source>
        <translation>Store-Typ</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="73"/>
        <source>PostgreSQL (shared by replicas)</source>
        <translation>PostgreSQL (von Repliken gemeinsam genutzt)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="74"/>
        <source>SQLite file (one replica)</source>
        <translation>SQLite-Datei (eine Replika)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="75"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="76"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="76"/>
        <source>PostgreSQL host</source>
        <translation>PostgreSQL-Host</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="79"/>
        <source>PostgreSQL port</source>
        <translation>PostgreSQL-Port</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="82"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="83"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="83"/>
        <source>PostgreSQL database</source>
        <translation>PostgreSQL-Datenbank</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="84"/>
        <source>Us&amp;er:</source>
        <translation>Benutz&amp;er:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="84"/>
        <source>PostgreSQL user</source>
        <translation>PostgreSQL-Benutzer</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="85"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="85"/>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL-Passwort</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="86"/>
        <source>&amp;File:</source>
        <translation>Date&amp;i:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="86"/>
        <source>SQLite store file</source>
        <translation>SQLite-Store-Datei</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="87"/>
        <source>SQLite store (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite-Store (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="90"/>
        <source>Galleries</source>
        <translation>Galerien</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="93"/>
        <source>&amp;Gallery URLs for this console only, one per line (empty: the cluster&apos;s):</source>
        <translation>&amp;Galerie-URLs nur für diese Konsole, eine pro Zeile (leer: die des Clusters):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="97"/>
        <source>Gallery URLs, one per line</source>
        <translation>Galerie-URLs, eine pro Zeile</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="142"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="143"/>
        <source>Browse for %1</source>
        <translation>%1 auswählen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="164"/>
        <source>saved in the keychain; type to replace</source>
        <translation>im Schlüsselbund gespeichert; zum Ersetzen neu eingeben</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="165"/>
        <source>asked once per session; never saved to disk</source>
        <translation>einmal pro Sitzung abgefragt; nie auf der Festplatte gespeichert</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfileRecord</name>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="83"/>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="126"/>
        <source>Name: required</source>
        <translation>Name: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="132"/>
        <source>NATS URL: required</source>
        <translation>NATS-URL: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="134"/>
        <source>NATS URL: </source>
        <translation>NATS-URL: </translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="136"/>
        <source>NATS user: required for user and password</source>
        <translation>NATS-Benutzer: für Benutzer und Passwort erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="138"/>
        <source>NATS credentials file: required</source>
        <translation>NATS-Credentials-Datei: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="140"/>
        <source>TLS CA file: required</source>
        <translation>TLS-CA-Datei: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="143"/>
        <source>SQLite file: required</source>
        <translation>SQLite-Datei: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="145"/>
        <source>SQLite file: expected an absolute path</source>
        <translation>SQLite-Datei: absoluter Pfad erwartet</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="148"/>
        <source>PostgreSQL host: required</source>
        <translation>PostgreSQL-Host: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="150"/>
        <source>PostgreSQL database: required</source>
        <translation>PostgreSQL-Datenbank: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="152"/>
        <source>PostgreSQL user: required</source>
        <translation>PostgreSQL-Benutzer: erforderlich</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="154"/>
        <source>PostgreSQL port: expected 1 to 65535</source>
        <translation>PostgreSQL-Port: 1 bis 65535 erwartet</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="162"/>
        <source>Galleries: </source>
        <translation>Galerien: </translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="234"/>
        <source>a profile named &quot;%1&quot; already exists</source>
        <translation>ein Profil namens „%1“ existiert bereits</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="271"/>
        <source>cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="279"/>
        <location filename="../ui/connection/profile_store.cpp" line="283"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfilesDialog</name>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="34"/>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="41"/>
        <source>Connection profiles</source>
        <translation>Verbindungsprofile</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="38"/>
        <source>&amp;Profiles:</source>
        <translation>&amp;Profile:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="44"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="45"/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="67"/>
        <source>Connection test results</source>
        <translation>Ergebnisse des Verbindungstests</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="76"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="77"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="78"/>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="79"/>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="94"/>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="95"/>
        <source>Delete the profile &quot;%1&quot; and its saved secrets?</source>
        <translation>Das Profil „%1“ und seine gespeicherten Geheimnisse löschen?</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="204"/>
        <source>Give the profile a name first.</source>
        <translation>Geben Sie dem Profil zuerst einen Namen.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="209"/>
        <source>Could not save the profile: %1</source>
        <translation>Das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="233"/>
        <source>The secret is kept for this session only: %1</source>
        <translation>Das Geheimnis wird nur für diese Sitzung aufbewahrt: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="238"/>
        <source>Saved &quot;%1&quot;.</source>
        <translation>„%1“ gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="259"/>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>„%1“ gelöscht.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="272"/>
        <source>Enter the %1 to test the connection.</source>
        <translation>Geben Sie %1 ein, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="300"/>
        <source>Enter the %1 to connect.</source>
        <translation>Geben Sie %1 ein, um zu verbinden.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="304"/>
        <source>Could not write the configuration: %1</source>
        <translation>Die Konfiguration konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ReasonText</name>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="26"/>
        <source>sha256 mismatch for %1: expected %2, got %3</source>
        <comment>sha256_mismatch</comment>
        <translation>sha256-Abweichung bei %1: erwartet %2, erhalten %3</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="27"/>
        <source>archive entry escapes target directory: %1</source>
        <comment>archive_escape</comment>
        <translation>Archiveintrag liegt außerhalb des Zielverzeichnisses: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="28"/>
        <source>symlink escapes target directory: %1 -&gt; %2</source>
        <comment>symlink_escape</comment>
        <translation>symbolischer Link zeigt aus dem Zielverzeichnis heraus: %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="29"/>
        <source>unsupported entry type: %1</source>
        <comment>archive_entry_unsupported</comment>
        <translation>nicht unterstützter Eintragstyp: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="30"/>
        <source>hard link %1 -&gt; %2 does not name an earlier regular file</source>
        <comment>archive_hardlink_invalid</comment>
        <translation>harter Link %1 -&gt; %2 verweist auf keine vorherige reguläre Datei</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="31"/>
        <source>invalid archive %1: %2</source>
        <comment>archive_invalid</comment>
        <translation>ungültiges Archiv %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="32"/>
        <source>invalid archive %1: not compressed as its name says</source>
        <comment>archive_compression_mismatch</comment>
        <translation>ungültiges Archiv %1: nicht so komprimiert, wie sein Name angibt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="33"/>
        <source>archive exceeds extraction limits</source>
        <comment>archive_too_large</comment>
        <translation>Archiv überschreitet die Entpackgrenzen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="34"/>
        <source>extraction failed: %1</source>
        <comment>extraction_failed</comment>
        <translation>Entpacken fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="35"/>
        <source>download failed: %1</source>
        <comment>download_failed</comment>
        <translation>Download fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="36"/>
        <source>download failed: HTTP %1 for %2</source>
        <comment>download_http_status</comment>
        <translation>Download fehlgeschlagen: HTTP %1 für %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="37"/>
        <source>download failed: artifact exceeds the size limit of %1: %2</source>
        <comment>download_too_large</comment>
        <translation>Download fehlgeschlagen: Artefakt überschreitet die Größengrenze von %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="38"/>
        <source>download stalled: no data for %1</source>
        <comment>download_stalled</comment>
        <translation>Download stockt: seit %1 keine Daten</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="39"/>
        <source>file:// path %1 is not below an allowed root</source>
        <comment>file_not_allowed</comment>
        <translation>file://-Pfad %1 liegt unter keinem erlaubten Stammverzeichnis</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="40"/>
        <source>gallery %1 is not allowed on this node</source>
        <comment>gallery_not_allowed</comment>
        <translation>Galerie %1 ist auf diesem Node nicht erlaubt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="41"/>
        <source>unsupported URI scheme &quot;%1&quot;</source>
        <comment>unsupported_uri_scheme</comment>
        <translation>nicht unterstütztes URI-Schema „%1“</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="42"/>
        <source>invalid backend name &quot;%1&quot;</source>
        <comment>invalid_backend_name</comment>
        <translation>ungültiger Backend-Name „%1“</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="43"/>
        <source>backend %1 is a system backend and cannot be deleted</source>
        <comment>system_backend</comment>
        <translation>Backend %1 ist ein System-Backend und kann nicht gelöscht werden</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="44"/>
        <source>cannot create %1</source>
        <comment>cannot_create</comment>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="45"/>
        <source>commit failed: %1</source>
        <comment>commit_failed</comment>
        <translation>Übernehmen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="46"/>
        <source>cannot delete %1: %2</source>
        <comment>delete_failed</comment>
        <translation>%1 kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="47"/>
        <source>cancelled by request</source>
        <comment>cancelled_by_request</comment>
        <translation>auf Anforderung abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="48"/>
        <source>node is shutting down</source>
        <comment>node_shutting_down</comment>
        <translation>Node fährt herunter</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="49"/>
        <source>internal error: %1</source>
        <comment>internal_error</comment>
        <translation>interner Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="50"/>
        <source>%1 failed: %2</source>
        <comment>command_failed</comment>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="51"/>
        <source>no responders from node %1</source>
        <comment>no_responders</comment>
        <translation>keine Antwort von Node %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="52"/>
        <source>NATS: timeout</source>
        <comment>request_timeout</comment>
        <translation>NATS: Zeitüberschreitung</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="53"/>
        <source>NATS: %1</source>
        <comment>transport_error</comment>
        <translation>NATS-Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="54"/>
        <source>invalid reply: %1</source>
        <comment>invalid_reply</comment>
        <translation>ungültige Antwort: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="55"/>
        <source>store unreachable: %1</source>
        <comment>store_unreachable</comment>
        <translation>Store nicht erreichbar: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="56"/>
        <source>enqueue failed: %1</source>
        <comment>enqueue_failed</comment>
        <translation>Einreihen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="57"/>
        <source>cancelled before contact</source>
        <comment>cancelled_before_contact</comment>
        <translation>vor der Kontaktaufnahme abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="58"/>
        <source>cancelled</source>
        <comment>cancelled</comment>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="59"/>
        <source>node deleted by admin</source>
        <comment>node_deleted</comment>
        <translation>Node vom Admin gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="61"/>
        <source>pending row taken over by another op</source>
        <comment>pending_taken_over</comment>
        <translation>ausstehender Eintrag von einer anderen Op übernommen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="62"/>
        <source>completed before cancel took effect</source>
        <comment>completed_before_cancel</comment>
        <translation>abgeschlossen, bevor der Abbruch wirkte</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="63"/>
        <source>deleted</source>
        <comment>deleted</comment>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="64"/>
        <source>installed %1</source>
        <comment>installed</comment>
        <translation>installiert %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="65"/>
        <source>installed</source>
        <comment>installed</comment>
        <translation>installiert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="66"/>
        <source>worker still busy; reconciler will confirm</source>
        <comment>worker_still_busy</comment>
        <translation>Worker noch belegt; der Reconciler bestätigt das Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="67"/>
        <source>replica shut down; reconciler will confirm</source>
        <comment>replica_shut_down</comment>
        <translation>Replika beendet; der Reconciler bestätigt das Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="69"/>
        <source>node went offline before confirming</source>
        <comment>node_offline_before_confirm</comment>
        <translation>Node ging vor der Bestätigung offline</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="70"/>
        <source>pending op dropped: node %1</source>
        <comment>pending_dropped</comment>
        <translation>ausstehende Op verworfen: Node %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="71"/>
        <source>superseded by op %1</source>
        <comment>node_superseded</comment>
        <translation>ersetzt durch Op %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="72"/>
        <source>confirmed by listing</source>
        <comment>confirmed_by_listing</comment>
        <translation>durch Auflistung bestätigt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="73"/>
        <source>cancel sent; outcome unknown</source>
        <comment>cancel_outcome_unknown</comment>
        <translation>Abbruch gesendet; Ergebnis unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="74"/>
        <source>dead-lettered after %1 attempts: %2</source>
        <comment>dead_lettered</comment>
        <translation>nach %1 Versuchen als Dead Letter abgelegt: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="75"/>
        <source>dead-lettered after %1 attempts</source>
        <comment>dead_lettered</comment>
        <translation>nach %1 Versuchen als Dead Letter abgelegt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="76"/>
        <source>attempt %1 failed: %2</source>
        <comment>attempt_failed</comment>
        <translation>Versuch %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="77"/>
        <source>reaped</source>
        <comment>reaped_node</comment>
        <translation>bereinigt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="78"/>
        <source>failed</source>
        <comment>failed</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="79"/>
        <source>backend state unknown: %1</source>
        <comment>backend_state_unknown</comment>
        <translation>Backend-Zustand unbekannt: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="80"/>
        <source>no capability of meta backend %1 matches this node (%2)</source>
        <comment>meta_no_match</comment>
        <translation>keine Fähigkeit des Meta-Backends %1 passt zu diesem Node (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="81"/>
        <source>Queued</source>
        <comment>queued</comment>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="82"/>
        <source>processing backend: %1</source>
        <comment>processing_backend</comment>
        <translation>Backend wird verarbeitet: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="83"/>
        <source>processing file: %1. Total: %2. Current: %3</source>
        <comment>processing_file</comment>
        <translation>Datei wird verarbeitet: %1. Gesamt: %2. Aktuell: %3</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="85"/>
        <source>backend %1: the worker is still installing in the background; the reconciler will confirm completion (%2)</source>
        <comment>worker_still_installing</comment>
        <translation>Backend %1: Der Worker installiert noch im Hintergrund; der Reconciler bestätigt den Abschluss (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="89"/>
        <source>backend %1: the worker is still deleting in the background; the reconciler will confirm completion (%2)</source>
        <comment>worker_still_deleting</comment>
        <translation>Backend %1: Der Worker löscht noch im Hintergrund; der Reconciler bestätigt den Abschluss (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="92"/>
        <source>completed</source>
        <comment>completed</comment>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="93"/>
        <source>error: %1</source>
        <comment>op_error</comment>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="94"/>
        <source>no eligible nodes for %1 of %2</source>
        <comment>no_eligible_nodes</comment>
        <translation>keine geeigneten Nodes für %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="95"/>
        <source>no target node accepted the operation: %1</source>
        <comment>no_node_accepted</comment>
        <translation>kein Ziel-Node hat die Operation angenommen: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="96"/>
        <source>stale operation reaped (abandoned by a crashed or restarted replica)</source>
        <comment>reaped</comment>
        <translation>veraltete Operation bereinigt (von einer abgestürzten oder neu gestarteten Replika zurückgelassen)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="97"/>
        <source>superseded by %1</source>
        <comment>superseded</comment>
        <translation>ersetzt durch %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="60"/>
        <source>node %1; will retry when healthy</source>
        <comment>node_deferred</comment>
        <translation>Node %1; neuer Versuch, sobald er fehlerfrei ist</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="68"/>
        <source>not confirmed: node %1</source>
        <comment>node_left_before_confirm</comment>
        <translation>nicht bestätigt: Node %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="98"/>
        <source>node %1 %2; its backends are unknown</source>
        <comment>node_backends_unknown</comment>
        <translation>Node %1 %2; seine Backends sind unbekannt</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="99"/>
        <source>backend &quot;%1&quot; is not installed on node %2</source>
        <comment>backend_not_installed</comment>
        <translation>Backend „%1“ ist auf Node %2 nicht installiert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="100"/>
        <source>backend &quot;%1&quot; is not installed on any node</source>
        <comment>backend_not_installed_anywhere</comment>
        <translation>Backend „%1“ ist auf keinem Node installiert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="101"/>
        <source>unknown backend &quot;%1&quot;: not in any configured gallery</source>
        <comment>unknown_backend</comment>
        <translation>unbekanntes Backend „%1“: in keiner konfigurierten Galerie</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="102"/>
        <source>meta backend %1: capability %2 names unknown backend &quot;%3&quot;</source>
        <comment>meta_capability_unknown</comment>
        <translation>Meta-Backend %1: Fähigkeit %2 nennt das unbekannte Backend „%3“</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="104"/>
        <source>backend %1 requires GPU vendor %2; node %3 has %4</source>
        <comment>gpu_vendor_mismatch</comment>
        <translation>Backend %1 erfordert den GPU-Hersteller %2; Node %3 hat %4</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="106"/>
        <source>unknown node &quot;%1&quot;</source>
        <comment>unknown_node</comment>
        <translation>unbekannter Node „%1“</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="107"/>
        <source>node %1 is pending approval</source>
        <comment>node_pending_approval</comment>
        <translation>Node %1 wartet auf Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="108"/>
        <source>node %1 is draining</source>
        <comment>node_draining</comment>
        <translation>Node %1 wird geleert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="109"/>
        <source>%1 of %2 is already active as op %3; wait for it or cancel it</source>
        <comment>already_active</comment>
        <translation>%1 von %2 läuft bereits als Op %3; warten Sie darauf oder brechen Sie sie ab</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="110"/>
        <source>operation %1 not found</source>
        <comment>op_not_found</comment>
        <translation>Operation %1 nicht gefunden</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="111"/>
        <source>operation %1 is %2; only failed or cancelled operations can be retried</source>
        <comment>retry_not_allowed</comment>
        <translation>Operation %1 ist %2; nur fehlgeschlagene oder abgebrochene Operationen können wiederholt werden</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="113"/>
        <source>history entry %1 not found</source>
        <comment>history_not_found</comment>
        <translation>Verlaufseintrag %1 nicht gefunden</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="114"/>
        <source>history entry %1 (%2) cannot be retried</source>
        <comment>history_not_retryable</comment>
        <translation>Verlaufseintrag %1 (%2) kann nicht wiederholt werden</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="115"/>
        <source>operation %1 is already cancelled</source>
        <comment>already_cancelled</comment>
        <translation>Operation %1 ist bereits abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="116"/>
        <source>operation %1 already finished (%2)</source>
        <comment>already_finished</comment>
        <translation>Operation %1 ist bereits beendet (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="117"/>
        <source>operation %1 cannot be cancelled while running (delete)</source>
        <comment>not_cancellable</comment>
        <translation>Operation %1 kann während der Ausführung nicht abgebrochen werden (Löschen)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="118"/>
        <source>only failed operations can be dismissed; cancel active ones</source>
        <comment>dismiss_not_failed</comment>
        <translation>nur fehlgeschlagene Operationen können verworfen werden; brechen Sie aktive ab</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="119"/>
        <source>drained by admin</source>
        <comment>drained_by_admin</comment>
        <translation>vom Admin geleert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="120"/>
        <source>deleted by admin</source>
        <comment>deleted_by_admin</comment>
        <translation>vom Admin gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="121"/>
        <source>worker shutting down</source>
        <comment>worker_shutting_down</comment>
        <translation>Worker fährt herunter</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="122"/>
        <source>worker stopped</source>
        <comment>worker_stopped</comment>
        <translation>Worker beendet</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="123"/>
        <source>heartbeat stale</source>
        <comment>heartbeat_stale</comment>
        <translation>Heartbeat veraltet</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="124"/>
        <source>no responders on %1</source>
        <comment>no_responders_on</comment>
        <translation>keine Antwort auf %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="125"/>
        <source>node %1 is offline (last heartbeat %2 ago)</source>
        <comment>node_offline</comment>
        <translation>Node %1 ist offline (letzter Heartbeat vor %2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="126"/>
        <source>node %1 is pending approval; approve it instead</source>
        <comment>node_pending_resume</comment>
        <translation>Node %1 wartet auf Freigabe; geben Sie ihn stattdessen frei</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="127"/>
        <source>node %1 is not pending approval</source>
        <comment>node_not_pending</comment>
        <translation>Node %1 wartet nicht auf Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="128"/>
        <source>NATS %1 unreachable, retrying</source>
        <comment>nats_unreachable</comment>
        <translation>NATS %1 nicht erreichbar, neuer Versuch läuft</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="129"/>
        <source>no NATS round-trip since the last flush</source>
        <comment>no_nats_round_trip</comment>
        <translation>kein NATS-Roundtrip seit dem letzten Flush</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="130"/>
        <source>NATS flush failed: %1</source>
        <comment>nats_flush_failed</comment>
        <translation>NATS-Flush fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="131"/>
        <source>no store query answered yet</source>
        <comment>no_store_query</comment>
        <translation>noch keine Store-Abfrage beantwortet</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="132"/>
        <source>checking the cluster on %1</source>
        <comment>checking_cluster</comment>
        <translation>Cluster auf %1 wird geprüft</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="133"/>
        <source>store %1: %2</source>
        <comment>store_open_failed</comment>
        <translation>Store %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="135"/>
        <source>NATS %1 already carries Fleetdeck cluster %2 (replica %3 on %4); this store belongs to cluster %5</source>
        <comment>foreign_cluster</comment>
        <translation>NATS %1 trägt bereits den Fleetdeck-Cluster %2 (Replika %3 auf %4); dieser Store gehört zum Cluster %5</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="137"/>
        <source>Another replica is reconciling; nothing done</source>
        <comment>reconcile_lock_busy</comment>
        <translation>Eine andere Replika gleicht gerade ab; nichts getan</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="144"/>
        <source>install</source>
        <comment>operation kind</comment>
        <translation>Installation</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="144"/>
        <source>reinstall</source>
        <comment>operation kind</comment>
        <translation>Neuinstallation</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="144"/>
        <source>upgrade</source>
        <comment>operation kind</comment>
        <translation>Upgrade</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="145"/>
        <source>delete</source>
        <comment>operation kind</comment>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="145"/>
        <source>pending</source>
        <comment>node status</comment>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="145"/>
        <source>healthy</source>
        <comment>node status</comment>
        <translation>fehlerfrei</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="146"/>
        <source>unhealthy</source>
        <comment>node status</comment>
        <translation>gestört</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="146"/>
        <source>offline</source>
        <comment>node status</comment>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="146"/>
        <source>draining</source>
        <comment>node status</comment>
        <translation>wird geleert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="147"/>
        <source>deleted</source>
        <comment>node status</comment>
        <translation>gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="147"/>
        <source>queued</source>
        <comment>operation state</comment>
        <translation>wartend</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="147"/>
        <source>running</source>
        <comment>operation state</comment>
        <translation>laufend</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="148"/>
        <source>running_on_worker</source>
        <comment>operation state</comment>
        <translation>läuft auf dem Worker</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="148"/>
        <source>success</source>
        <comment>operation state</comment>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="148"/>
        <source>failed</source>
        <comment>operation state</comment>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="149"/>
        <source>cancelled</source>
        <comment>operation state</comment>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="165"/>
        <source>is pending approval</source>
        <comment>node status as a predicate</comment>
        <translation>wartet auf Freigabe</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="166"/>
        <source>is healthy</source>
        <comment>node status as a predicate</comment>
        <translation>ist fehlerfrei</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="167"/>
        <source>is unhealthy</source>
        <comment>node status as a predicate</comment>
        <translation>ist gestört</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="168"/>
        <source>is offline</source>
        <comment>node status as a predicate</comment>
        <translation>ist offline</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="169"/>
        <source>is draining</source>
        <comment>node status as a predicate</comment>
        <translation>wird geleert</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="170"/>
        <source>is deleted</source>
        <comment>node status as a predicate</comment>
        <translation>ist gelöscht</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="175"/>
        <source>is %1</source>
        <comment>node status as a predicate, one this build does not know</comment>
        <translation>ist %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="203"/>
        <source>%1: %2</source>
        <comment>node: error</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="212"/>
        <source>%1 (%2)</source>
        <comment>node (status)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/presentation/reason_text.cpp" line="240"/>
        <source>Reconcile: %1 stale pending deleted, %2 confirmed, %3 retried (%4 succeeded, %5 failed), %6 dead-lettered, %n op(s) reaped — %7 ms</source>
        <comment>reconcile_report</comment>
        <translation>
            <numerusform>Abgleich: %1 veraltete ausstehende gelöscht, %2 bestätigt, %3 wiederholt (%4 erfolgreich, %5 fehlgeschlagen), %6 als Dead Letter abgelegt, %n Op bereinigt — %7 ms</numerusform>
            <numerusform>Abgleich: %1 veraltete ausstehende gelöscht, %2 bestätigt, %3 wiederholt (%4 erfolgreich, %5 fehlgeschlagen), %6 als Dead Letter abgelegt, %n Ops bereinigt — %7 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SecretCollector</name>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="62"/>
        <source>PostgreSQL password</source>
        <translation>das PostgreSQL-Passwort</translation>
    </message>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="64"/>
        <source>NATS password</source>
        <translation>das NATS-Passwort</translation>
    </message>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="66"/>
        <source>NATS token</source>
        <translation>das NATS-Token</translation>
    </message>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="96"/>
        <source>Enter the %1 of profile &quot;%2&quot; in Connection profiles.</source>
        <translation>Geben Sie %1 des Profils „%2“ unter „Verbindungsprofile“ ein.</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SecretVault</name>
    <message>
        <location filename="../ui/connection/secret_vault.cpp" line="79"/>
        <location filename="../ui/connection/secret_vault.cpp" line="109"/>
        <source>keychain: %1</source>
        <translation>Schlüsselbund: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="23"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="28"/>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; These settings live in the demo&apos;s temporary store and are discarded when Fleetdeck exits.</source>
        <translation>&lt;b&gt;Demo-Modus.&lt;/b&gt; Diese Einstellungen liegen im temporären Store der Demo und werden verworfen, wenn Fleetdeck beendet wird.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="30"/>
        <source>Cluster-wide settings: stored in the cluster&apos;s store and used by every replica from the next tick of the pass they govern.</source>
        <translation>Clusterweite Einstellungen: im Store des Clusters gespeichert und von jeder Replika ab dem nächsten Tick des betreffenden Durchlaufs verwendet.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="51"/>
        <source>This console&apos;s connection (read-only; change it in Connection profiles)</source>
        <translation>Verbindung dieser Konsole (schreibgeschützt; ändern Sie sie unter „Verbindungsprofile“)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="60"/>
        <source>(not configured)</source>
        <translation>(nicht konfiguriert)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>S&amp;tore:</source>
        <translation>S&amp;tore:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="62"/>
        <source>NATS &amp;URL:</source>
        <translation>NATS-&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="62"/>
        <source>NATS URL</source>
        <translation>NATS-URL</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="86"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="86"/>
        <source>Some settings were not saved; see the messages under them.</source>
        <translation>Einige Einstellungen wurden nicht gespeichert; siehe die Meldungen darunter.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="118"/>
        <source>store unreachable</source>
        <translation>Store nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SettingsForm</name>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="17"/>
        <source>Heartbeat interval (s):</source>
        <translation>Heartbeat-Intervall (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="18"/>
        <source>Registration token:</source>
        <translation>Registrierungstoken:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="19"/>
        <source>Approve new nodes automatically</source>
        <translation>Neue Nodes automatisch freigeben</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="20"/>
        <source>Health monitor tick (s):</source>
        <translation>Takt des Health-Monitors (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="21"/>
        <source>Heartbeat stale after (s):</source>
        <translation>Heartbeat veraltet nach (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="22"/>
        <source>Reconciler tick (s):</source>
        <translation>Takt des Reconcilers (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="23"/>
        <source>Longest wait for replies in a pass (s):</source>
        <translation>Längste Wartezeit auf Antworten pro Durchlauf (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="24"/>
        <source>Retries in flight:</source>
        <translation>Gleichzeitige Wiederholungen:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="25"/>
        <source>Retry backoff base (s):</source>
        <translation>Backoff-Basis für Wiederholungen (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="26"/>
        <source>Retry backoff cap (s):</source>
        <translation>Backoff-Obergrenze für Wiederholungen (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="27"/>
        <source>Dead-letter after attempts:</source>
        <translation>Dead Letter nach Versuchen:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="28"/>
        <source>Stale pending grace (s):</source>
        <translation>Karenzzeit für veraltete ausstehende Ops (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="29"/>
        <source>Operations at once per replica:</source>
        <translation>Gleichzeitige Operationen pro Replika:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="30"/>
        <source>Node requests in flight per operation:</source>
        <translation>Gleichzeitige Node-Anfragen pro Operation:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="31"/>
        <source>Executor claim poll (s):</source>
        <translation>Abfrageintervall des Executors (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="32"/>
        <source>Stale operation age (s):</source>
        <translation>Alter veralteter Operationen (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="33"/>
        <source>Reaper period (s):</source>
        <translation>Intervall der Bereinigung (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="34"/>
        <source>Keepalive of active operations (s):</source>
        <translation>Keepalive aktiver Operationen (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="35"/>
        <source>Owner status coalescing (ms):</source>
        <translation>Zusammenfassung des Owner-Status (ms):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="36"/>
        <source>Progress writes at most every (ms):</source>
        <translation>Fortschritt höchstens alle (ms) schreiben:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="37"/>
        <source>History entries:</source>
        <translation>Verlaufseinträge:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="38"/>
        <source>Retention of finished operations (s):</source>
        <translation>Aufbewahrung abgeschlossener Operationen (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="39"/>
        <source>Status map linger (s):</source>
        <translation>Verweildauer in der Statustabelle (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="40"/>
        <source>Install timeout (s):</source>
        <translation>Timeout für Installation (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="41"/>
        <source>Upgrade timeout (s):</source>
        <translation>Timeout für Upgrade (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="42"/>
        <source>List timeout (s):</source>
        <translation>Timeout für Auflisten (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="43"/>
        <source>Delete timeout (s):</source>
        <translation>Timeout für Löschen (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="44"/>
        <source>Cancel timeout (s):</source>
        <translation>Timeout für Abbrechen (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="45"/>
        <source>Payload cap (bytes):</source>
        <translation>Payload-Obergrenze (Bytes):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="46"/>
        <source>Stalled after (s):</source>
        <translation>Stockt nach (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="47"/>
        <source>Connection stale after (s):</source>
        <translation>Verbindung veraltet nach (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="48"/>
        <source>First check after taking the lead (s):</source>
        <translation>Erste Prüfung nach Übernahme der Führung (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="49"/>
        <source>Check period (s):</source>
        <translation>Prüfintervall (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="50"/>
        <source>Upgrade automatically</source>
        <translation>Automatisch aktualisieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="51"/>
        <source>Refresh period (s):</source>
        <translation>Aktualisierungsintervall (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="52"/>
        <source>Galleries (the first listing a backend wins):</source>
        <translation>Galerien (die erste, die ein Backend listet, gilt):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Nodes</source>
        <translation>Nodes</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Health</source>
        <translation>Zustandsüberwachung</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Reconciler</source>
        <translation>Reconciler</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>NATS</source>
        <translation>NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="58"/>
        <source>Upgrades</source>
        <translation>Upgrades</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="58"/>
        <source>Galleries</source>
        <translation>Galerien</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="91"/>
        <source>default %1</source>
        <translation>Standard %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="135"/>
        <source>Set new token…</source>
        <translation>Neues Token setzen…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="136"/>
        <source>Open registration</source>
        <translation>Registrierung öffnen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="137"/>
        <source>Remove the token: any node may register (not recommended outside demo)</source>
        <translation>Token entfernen: Jeder Node darf sich registrieren (außerhalb der Demo nicht empfohlen)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="143"/>
        <source>Set new registration token</source>
        <translation>Neues Registrierungstoken setzen</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="146"/>
        <source>Registration token</source>
        <translation>Registrierungstoken</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="147"/>
        <source>New registration token (workers pass it with --registration-token-file):</source>
        <translation>Neues Registrierungstoken (Worker übergeben es mit --registration-token-file):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="166"/>
        <source>Registration opens on save (no token)</source>
        <translation>Registrierung wird beim Speichern geöffnet (kein Token)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="167"/>
        <source>A new token is set on save</source>
        <translation>Beim Speichern wird ein neues Token gesetzt</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="169"/>
        <source>Not set: any node may register</source>
        <translation>Nicht gesetzt: Jeder Node darf sich registrieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="170"/>
        <source>Set (***)</source>
        <translation>Gesetzt (***)</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TablePage</name>
    <message numerus="yes">
        <location filename="../ui/views/table_page.cpp" line="146"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TourBanner</name>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="22"/>
        <location filename="../ui/widgets/tour_banner.cpp" line="63"/>
        <source>Pause tour</source>
        <translation>Tour anhalten</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="23"/>
        <source>Stop the scripted tour from starting new steps; what runs goes on</source>
        <translation>Die Tour startet keine neuen Schritte mehr; Laufendes geht weiter</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="24"/>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="25"/>
        <source>Hide the tour captions (the tour keeps playing unless paused)</source>
        <translation>Die Tour-Hinweise ausblenden (die Tour läuft weiter, sofern nicht angehalten)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="38"/>
        <source>Demo tour: %1</source>
        <translation>Demo-Tour: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="45"/>
        <source>Demo tour finished. Everything on screen is live: install, upgrade, delete and watch.</source>
        <translation>Demo-Tour beendet. Alles auf dem Bildschirm ist live: installieren, aktualisieren, löschen und zusehen.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="63"/>
        <source>Resume tour</source>
        <translation>Tour fortsetzen</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TrayHealth</name>
    <message>
        <location filename="../ui/tray/tray_health.cpp" line="49"/>
        <source>no nodes</source>
        <translation>keine Nodes</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="51"/>
        <source>%1/%n node(s) healthy</source>
        <translation>
            <numerusform>%1/%n Node fehlerfrei</numerusform>
            <numerusform>%1/%n Nodes fehlerfrei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="53"/>
        <source>%n operation(s) running</source>
        <translation>
            <numerusform>%n Operation läuft</numerusform>
            <numerusform>%n Operationen laufen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="55"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tray/tray_health.cpp" line="56"/>
        <source>Fleetdeck — %1</source>
        <translation>Fleetdeck — %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TrayNotifier</name>
    <message>
        <location filename="../ui/tray/tray_notifier.cpp" line="43"/>
        <source>&amp;Show Fleetdeck</source>
        <translation>Fleetdeck an&amp;zeigen</translation>
    </message>
    <message>
        <location filename="../ui/tray/tray_notifier.cpp" line="45"/>
        <source>&amp;Reconcile now</source>
        <translation>Jetzt &amp;abgleichen</translation>
    </message>
    <message>
        <location filename="../ui/tray/tray_notifier.cpp" line="48"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/tray/tray_notifier.cpp" line="222"/>
        <location filename="../ui/tray/tray_notifier.cpp" line="240"/>
        <source>Fleetdeck</source>
        <translation>Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/tray/tray_notifier.cpp" line="250"/>
        <source>store unreachable</source>
        <translation>Store nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::WelcomeDialog</name>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="42"/>
        <source>Welcome to Fleetdeck</source>
        <translation>Willkommen bei Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="49"/>
        <source>Fleetdeck logo</source>
        <translation>Fleetdeck-Logo</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="51"/>
        <source>Fleetdeck</source>
        <translation>Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="58"/>
        <source>Install, upgrade and remove inference backends on every node of your cluster, and watch each operation to its end.</source>
        <translation>Installieren, aktualisieren und entfernen Sie Inferenz-Backends auf jedem Node Ihres Clusters und verfolgen Sie jede Operation bis zum Ende.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="63"/>
        <source>No cluster is configured yet. How do you want to start?</source>
        <translation>Es ist noch kein Cluster konfiguriert. Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="69"/>
        <source>Try the &amp;demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="70"/>
        <source>An offline sample cluster with six nodes; nothing is saved.</source>
        <translation>Ein Offline-Beispielcluster mit sechs Nodes; nichts wird gespeichert.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="72"/>
        <source>&amp;Connect to a cluster…</source>
        <translation>Mit einem Cluster &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="73"/>
        <source>Enter your NATS server and store, then save them as a profile.</source>
        <translation>NATS-Server und Store eingeben und als Profil speichern.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="77"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
</TS>
