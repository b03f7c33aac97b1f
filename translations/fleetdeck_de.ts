<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CardState</name>
    <message>
        <location filename="../ui/models/card_state.cpp" line="28"/>
        <source>Installing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="29"/>
        <source>Upgrading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="32"/>
        <source>Removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="64"/>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="70"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="71"/>
        <source>Waiting for a free executor slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="75"/>
        <source>Worker busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="76"/>
        <source>the worker is still installing; the reconciler will confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="81"/>
        <source>Stalled · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="82"/>
        <source>No progress for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/card_state.cpp" line="88"/>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../ui/widgets/format.cpp" line="22"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="24"/>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="26"/>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="28"/>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="29"/>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="35"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="38"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="40"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="40"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="41"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="67"/>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstallPlan</name>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="22"/>
        <source>unknown vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="46"/>
        <source>pending approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="48"/>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="50"/>
        <source>requires gpu_vendor %1; node has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="56"/>
        <source>Reinstall %1 on %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="57"/>
        <source>Install %1 on %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="59"/>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/install_plan.cpp" line="62"/>
        <source>Not reachable now, kept pending until they return: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="99"/>
        <location filename="../app/fleetdeck/gui_main.cpp" line="118"/>
        <location filename="../app/fleetdeck/gui_main.cpp" line="127"/>
        <source>Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="142"/>
        <source>Demo cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="182"/>
        <source>Connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="183"/>
        <source>The new connection is used the next time Fleetdeck starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="190"/>
        <source>Fleetdeck could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="191"/>
        <source>Connecting to %1 failed:
%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::EngineFeed</name>
    <message>
        <location filename="../ui/bridge/engine_feed.cpp" line="155"/>
        <source>Could not read nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ActivityPage</name>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="21"/>
        <location filename="../ui/views/activity_page.cpp" line="26"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="38"/>
        <source>Outcome filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="39"/>
        <source>All outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="46"/>
        <source>Filter by backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="47"/>
        <source>Backend filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="61"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="62"/>
        <source>Copy error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="73"/>
        <source>Nothing happened yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="74"/>
        <source>Installs, upgrades and deletes appear here once they end, with their per-node results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="133"/>
        <source>Admit the operation again (failed, cancelled and dead-letter entries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="137"/>
        <source>Copy the full error text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="173"/>
        <source>Retrying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="177"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendActions</name>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="39"/>
        <source>Not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="43"/>
        <source>%1 is already running as op %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="55"/>
        <location filename="../ui/views/backend_actions.cpp" line="61"/>
        <source>Install %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="56"/>
        <source>No node can take %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="58"/>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="76"/>
        <source>Checking which nodes have %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="87"/>
        <source>no reachable node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="91"/>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="92"/>
        <source>Delete %1 from %2? Running inference on it stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="94"/>
        <source>Upgrade %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="95"/>
        <source>Upgrade %1 to %2 on %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="97"/>
        <source>Reinstall %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="98"/>
        <source>Reinstall %1 on %2? Each node downloads it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backend_actions.cpp" line="101"/>
        <source>Not answering: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendsModel</name>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="62"/>
        <source>installed %1 on %2 of %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/backends_model.cpp" line="64"/>
        <source>not installed, version %1 available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/backends_model.cpp" line="66"/>
        <source>update %1 available</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="68"/>
        <source>drift on %n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendsPage</name>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="35"/>
        <source>Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="43"/>
        <source>All backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="44"/>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="45"/>
        <source>Not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="46"/>
        <source>Installed filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="47"/>
        <source>Show all, installed or not installed backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="49"/>
        <location filename="../ui/views/backends_page.cpp" line="162"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="50"/>
        <source>Tag filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="51"/>
        <source>Show backends with this tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="53"/>
        <source>Updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="55"/>
        <source>Only backends with an update available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="57"/>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="60"/>
        <source>Show development builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="69"/>
        <source>Backend cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="174"/>
        <source>No gallery configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="175"/>
        <source>Add a gallery index in the settings (or start with --gallery URL) to see installable backends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="176"/>
        <source>Open settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::CardDelegate</name>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="57"/>
        <source>Install on all nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="57"/>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="58"/>
        <source>Install on nodes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="59"/>
        <source>Reinstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="60"/>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="63"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="201"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="203"/>
        <source>Drift %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="205"/>
        <source>Meta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="207"/>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="209"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="216"/>
        <source>No description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="234"/>
        <source>%1/%2 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="234"/>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="388"/>
        <source>More actions for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="390"/>
        <source>%1 is busy: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="391"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="395"/>
        <source>Versions differ across nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionIndicator</name>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="17"/>
        <source>● Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="19"/>
        <source>◐ Stale %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="22"/>
        <source>○ Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="34"/>
        <source>Connected; data is live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="37"/>
        <source>Connection: %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionTester</name>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="51"/>
        <source>Store %1: testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="52"/>
        <source>NATS %1: testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="54"/>
        <source>Gallery %1: testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="56"/>
        <source>No gallery configured for this profile (the cluster&apos;s galleries apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="106"/>
        <source>Store %1: the directory %2 does not exist or is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="108"/>
        <source>Store %1: a new store is created there on connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="120"/>
        <location filename="../ui/dialogs/connection_tester.cpp" line="127"/>
        <location filename="../ui/dialogs/connection_tester.cpp" line="133"/>
        <source>Store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="136"/>
        <source>Store %1: connected, cluster %2, schema %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="139"/>
        <source>Store %1: connected; no Fleetdeck schema yet (created on connect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="176"/>
        <location filename="../ui/dialogs/connection_tester.cpp" line="178"/>
        <location filename="../ui/dialogs/connection_tester.cpp" line="192"/>
        <source>NATS %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="182"/>
        <source>flush timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="191"/>
        <source>NATS %1: connected (auth: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="218"/>
        <source>Gallery %1: timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/connection_tester.cpp" line="220"/>
        <source>Gallery %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/dialogs/connection_tester.cpp" line="223"/>
        <source>Gallery %1: &quot;%2&quot;, %n backend(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::HistoryModel</name>
    <message>
        <location filename="../ui/models/history_model.cpp" line="41"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="43"/>
        <location filename="../ui/models/history_model.cpp" line="73"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="45"/>
        <location filename="../ui/models/history_model.cpp" line="75"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="47"/>
        <source>Worker busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="49"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="71"/>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="77"/>
        <source>Dead letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="101"/>
        <source>Reinstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="101"/>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="103"/>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="105"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="113"/>
        <source>%1 · 1 attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="113"/>
        <source>%1 · %2 attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="131"/>
        <source>%1 ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="133"/>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="135"/>
        <source>%1 cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="137"/>
        <source>%1 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="139"/>
        <source>%1 in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="269"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="270"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="271"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="272"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="273"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="274"/>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="275"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="276"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="310"/>
        <source>%1 %2: %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="314"/>
        <source>, nodes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="316"/>
        <source>, error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="346"/>
        <source>%1 (op %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="391"/>
        <source>%1 on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="392"/>
        <source>%1 on %2: %3, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="410"/>
        <source>1 attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="410"/>
        <source>%1 attempts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="36"/>
        <source>Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="110"/>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135"/>
        <source>Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135"/>
        <source>Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="135"/>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="142"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="143"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>Search backends, nodes, ops…  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="163"/>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>Search the current page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="180"/>
        <source>⟳ Reconcile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="181"/>
        <source>Reconcile now (Ctrl+R); more in the menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="184"/>
        <location filename="../ui/main_window.cpp" line="250"/>
        <source>Reconcile now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="185"/>
        <source>Reap stale operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="186"/>
        <source>Clean stale pending ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="196"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Connection &amp;profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="198"/>
        <source>Cluster &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="200"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="202"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="203"/>
        <source>&amp;Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="203"/>
        <source>&amp;Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="203"/>
        <source>&amp;Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="203"/>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="207"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="214"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="215"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229"/>
        <source>&amp;Reconcile now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>Reap &amp;stale operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>Clean stale &amp;pending ops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="233"/>
        <source>Check for &amp;updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="237"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="238"/>
        <source>&amp;About Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="239"/>
        <source>About Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="240"/>
        <source>Fleetdeck %1
Install, upgrade and delete inference backends on every node, live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="248"/>
        <source>Backends, Manage, Nodes, Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="251"/>
        <source>Check for updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>Cluster settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>Run a card&apos;s primary action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Copy the selected operation or error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>Delete the selected node (asks first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>This help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="257"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="263"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="295"/>
        <source>%1 — Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="308"/>
        <source>Last reconcile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="311"/>
        <source>No reconcile report yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="317"/>
        <source>cluster %1… · %2/%3 nodes healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="330"/>
        <source>store unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="341"/>
        <source>Reconciling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="348"/>
        <source>Reap stale operations: %n op(s) reaped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="355"/>
        <source>Clean stale pending ops: %n stale pending op(s) deleted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="371"/>
        <source>Quit Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="372"/>
        <source>%n operation(s) are running on this Fleetdeck instance. Quit anyway? The reconciler will finish them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ManageModel</name>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="48"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="50"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="50"/>
        <source>Waiting for a replica to start it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="52"/>
        <source>Worker busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="52"/>
        <source>the worker is still installing; the reconciler will confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="55"/>
        <source>Stalled · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="56"/>
        <source>no progress for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="58"/>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="60"/>
        <source>Upgrading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="60"/>
        <source>Installing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="61"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="61"/>
        <source>%1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="66"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="212"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="213"/>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="214"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="215"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="216"/>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="217"/>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="235"/>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="235"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="237"/>
        <source>update %1 available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="239"/>
        <source>drift on 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="239"/>
        <source>drift on %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="240"/>
        <source>on 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="240"/>
        <source>on %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="244"/>
        <source>protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="255"/>
        <source>An operation runs for this backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="258"/>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="259"/>
        <source>Upgrade %1 to %2 on every node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="260"/>
        <source>Reinstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="261"/>
        <source>Download and install %1 again on the nodes that have it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="262"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="263"/>
        <source>Delete %1 from every node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="288"/>
        <source>%1 (for %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="292"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="294"/>
        <source>Meta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="296"/>
        <source>Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="307"/>
        <source>Installed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="309"/>
        <source>Available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="311"/>
        <location filename="../ui/models/manage_model.cpp" line="322"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="317"/>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="317"/>
        <source>Update %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="323"/>
        <source>Drift: 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="323"/>
        <source>Drift: %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="349"/>
        <source>Protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="350"/>
        <location filename="../ui/models/manage_model.cpp" line="353"/>
        <source>System backends come with the worker and cannot be changed here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ManagePage</name>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="32"/>
        <source>Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="38"/>
        <source>Installed backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="50"/>
        <location filename="../ui/views/manage_page.cpp" line="91"/>
        <source>Check for updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="51"/>
        <source>Ask the upgrade leader to list every node and compare with the galleries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="52"/>
        <location filename="../ui/views/manage_page.cpp" line="136"/>
        <location filename="../ui/views/manage_page.cpp" line="242"/>
        <source>Upgrade all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="58"/>
        <source>Update check requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="62"/>
        <location filename="../ui/views/manage_page.cpp" line="76"/>
        <location filename="../ui/views/manage_page.cpp" line="83"/>
        <source>Upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="63"/>
        <location filename="../ui/views/manage_page.cpp" line="78"/>
        <location filename="../ui/views/manage_page.cpp" line="85"/>
        <source>Reinstall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="64"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="93"/>
        <source>No installed backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="115"/>
        <source>not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="116"/>
        <source>checked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="134"/>
        <source>Upgrade %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="135"/>
        <source>No backend has an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="136"/>
        <source>Upgrade all (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="144"/>
        <source>No node reports an installed backend. Install one from the Backends page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="145"/>
        <source>No update check has reported yet; the upgrade leader runs one shortly after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="147"/>
        <source>%1 ⬆</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="193"/>
        <source>Upgrade the selected backends that have an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="193"/>
        <source>No update available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="197"/>
        <source>Download and install again on the nodes that have it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="198"/>
        <location filename="../ui/views/manage_page.cpp" line="202"/>
        <source>System backends are protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="202"/>
        <source>Delete from every node (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="222"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="233"/>
        <source>%1 already has a running operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="235"/>
        <source>%1 admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="266"/>
        <source>%1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="268"/>
        <source>%1 from its node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="268"/>
        <source>%1 from its %2 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="270"/>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="272"/>
        <source>Not reachable, not checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="274"/>
        <source>Delete backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="277"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="283"/>
        <source>Finding the nodes that have %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodePickerDialog</name>
    <message>
        <location filename="../ui/views/node_picker_dialog.cpp" line="15"/>
        <source>Install %1 on nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/node_picker_dialog.cpp" line="17"/>
        <source>Choose the nodes that get %1. Each node gets its own operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/node_picker_dialog.cpp" line="21"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/node_picker_dialog.cpp" line="24"/>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/node_picker_dialog.cpp" line="28"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/node_picker_dialog.cpp" line="32"/>
        <source>Install</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodesModel</name>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="51"/>
        <source>Healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="52"/>
        <source>Unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="53"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="54"/>
        <source>Draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="57"/>
        <source>Pending approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="75"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="78"/>
        <source>last seen %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="93"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="103"/>
        <source>%1 ×%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="106"/>
        <source>%1 VRAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="109"/>
        <source>%1 RAM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="112"/>
        <source>1 core</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="112"/>
        <source>%1 cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="330"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="331"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="332"/>
        <source>Heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="333"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="334"/>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="335"/>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="336"/>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="366"/>
        <source>%1: %2, heartbeat %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="367"/>
        <source>%1, %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="380"/>
        <location filename="../ui/models/nodes_model.cpp" line="410"/>
        <location filename="../ui/models/nodes_model.cpp" line="458"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="387"/>
        <source>%1 (id %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="420"/>
        <location filename="../ui/models/nodes_model.cpp" line="426"/>
        <source>%1=%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="446"/>
        <source>Expand to list this node&apos;s backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="447"/>
        <source>Listing backends…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="448"/>
        <source>No backends installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="449"/>
        <source>Listing failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="471"/>
        <source>%1 on %2: installed, version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="471"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="477"/>
        <source>Installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="486"/>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="490"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="492"/>
        <source>Meta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="500"/>
        <source>installed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="508"/>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model.cpp" line="520"/>
        <source>Update %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodesPage</name>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="35"/>
        <location filename="../ui/views/nodes_page.cpp" line="47"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="49"/>
        <source>Registration is open: any client on the bus can register a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="50"/>
        <source>Set nodes/registration_token in Settings so that only workers holding the token can register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="58"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="59"/>
        <source>Drain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="60"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="61"/>
        <source>Delete node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="62"/>
        <source>Upgrade on this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="63"/>
        <source>Reinstall on this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="64"/>
        <source>Delete from this node…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="89"/>
        <source>Copy command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="95"/>
        <source>No nodes yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="148"/>
        <source>Start %1 on a node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="157"/>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="182"/>
        <source>Backends are listed from healthy and unhealthy nodes only; this node is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="197"/>
        <source>the node was not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="238"/>
        <source>Approve the selected pending nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="240"/>
        <source>Stop sending requests to the selected nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="242"/>
        <source>Let the selected nodes take requests again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="243"/>
        <source>Remove the selected nodes from the registry (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="250"/>
        <source>System backends are protected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="252"/>
        <source>Upgrade on the node it is installed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="252"/>
        <source>No update available for this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="254"/>
        <source>Download and install again on that node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="255"/>
        <source>Delete from that node (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="285"/>
        <source>Drain nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="286"/>
        <source>Drain %1?

A draining node receives no new requests; what runs on it finishes. Resume it to take requests again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="295"/>
        <source>Approved 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="295"/>
        <source>Approved %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="296"/>
        <source>Drained 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="296"/>
        <source>Drained %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="299"/>
        <source>Resumed 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="299"/>
        <source>Resumed %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="322"/>
        <source>Delete nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="323"/>
        <source>Delete %1?

The pending operations of these nodes are deleted. A worker that is still running registers again, as pending approval, unless it is stopped first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="330"/>
        <source>Deleted 1 node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="330"/>
        <source>Deleted %1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="337"/>
        <source>%1: 1 operation cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="337"/>
        <source>%1: %2 operations cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="354"/>
        <location filename="../ui/views/nodes_page.cpp" line="376"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="356"/>
        <source>Delete backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="356"/>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="365"/>
        <source>Deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="366"/>
        <source>Upgrading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="367"/>
        <source>Reinstalling %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="367"/>
        <source>Installing %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NotificationDigest</name>
    <message numerus="yes">
        <location filename="../ui/models/notification_digest.cpp" line="15"/>
        <source>%1; and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/notification_digest.cpp" line="16"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/notification_digest.cpp" line="27"/>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/notification_digest.cpp" line="122"/>
        <source>%n operation(s) failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/notification_digest.cpp" line="123"/>
        <source>%n node(s) offline</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/notification_digest.cpp" line="125"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsBar</name>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="33"/>
        <source>Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="51"/>
        <source>Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="94"/>
        <source>Operations — %1 active, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsDelegate</name>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="79"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="80"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="81"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="82"/>
        <source>Retry on this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="228"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="274"/>
        <source>Start this operation again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="275"/>
        <source>Remove this failure from the bar (it stays in Activity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="276"/>
        <source>Cancel this operation on every node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="277"/>
        <source>Run this operation again on this node only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsModel</name>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="196"/>
        <location filename="../ui/models/ops_model.cpp" line="82"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="198"/>
        <location filename="../ui/models/ops_model.cpp" line="81"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="200"/>
        <location filename="../ui/models/ops_model.cpp" line="48"/>
        <location filename="../ui/models/ops_model.cpp" line="80"/>
        <source>Worker busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="200"/>
        <location filename="../ui/models/ops_model.cpp" line="86"/>
        <source>Stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="202"/>
        <location filename="../ui/models/ops_model.cpp" line="83"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="202"/>
        <location filename="../ui/models/ops_model.cpp" line="74"/>
        <source>Waiting for node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="16"/>
        <source>install</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="17"/>
        <source>upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="20"/>
        <source>delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="34"/>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="38"/>
        <source>Failed to %1 backend: %2%3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="42"/>
        <source>%1 backend: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="44"/>
        <source>(Queued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="53"/>
        <source>Stalled · %1 % · no progress for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/ops_model.cpp" line="63"/>
        <source>%n node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="73"/>
        <source>Deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="75"/>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="77"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="78"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="79"/>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfileEditor</name>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="33"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="33"/>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="34"/>
        <source>e.g. production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="37"/>
        <source>Profile kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="38"/>
        <source>Cluster (PostgreSQL or SQLite store, NATS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="39"/>
        <source>Demo (offline, temporary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="40"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="43"/>
        <source>NATS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="46"/>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="46"/>
        <source>NATS URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="50"/>
        <source>NATS authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="51"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="52"/>
        <source>User and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="53"/>
        <source>Token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="54"/>
        <source>Credentials file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="55"/>
        <source>TLS CA only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="56"/>
        <source>&amp;Authentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="57"/>
        <source>U&amp;ser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="57"/>
        <source>NATS user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="58"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="58"/>
        <source>NATS password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="59"/>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="59"/>
        <source>NATS token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="60"/>
        <source>&amp;Credentials file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="60"/>
        <source>NATS credentials file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="61"/>
        <source>NATS credentials (*.creds);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="62"/>
        <source>TLS C&amp;A file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="62"/>
        <source>TLS CA certificates file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="63"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="64"/>
        <source>optional; a tls:// URL also turns TLS on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="67"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="72"/>
        <source>Store type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="73"/>
        <source>PostgreSQL (shared by replicas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="74"/>
        <source>SQLite file (one replica)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="75"/>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="76"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="76"/>
        <source>PostgreSQL host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="79"/>
        <source>PostgreSQL port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="82"/>
        <source>P&amp;ort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="83"/>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="83"/>
        <source>PostgreSQL database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="84"/>
        <source>Us&amp;er:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="84"/>
        <source>PostgreSQL user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="85"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="85"/>
        <source>PostgreSQL password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="86"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="86"/>
        <source>SQLite store file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="87"/>
        <source>SQLite store (*.sqlite *.db);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="90"/>
        <source>Galleries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="93"/>
        <source>&amp;Gallery URLs for this console only, one per line (empty: the cluster&apos;s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="97"/>
        <source>Gallery URLs, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="142"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="143"/>
        <source>Browse for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="164"/>
        <source>saved in the keychain; type to replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="165"/>
        <source>asked once per session; never saved to disk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfileRecord</name>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="126"/>
        <source>Name: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="132"/>
        <source>NATS URL: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="134"/>
        <source>NATS URL: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="136"/>
        <source>NATS user: required for user and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="138"/>
        <source>NATS credentials file: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="140"/>
        <source>TLS CA file: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="143"/>
        <source>SQLite file: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="145"/>
        <source>SQLite file: expected an absolute path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="148"/>
        <source>PostgreSQL host: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="150"/>
        <source>PostgreSQL database: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="152"/>
        <source>PostgreSQL user: required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="154"/>
        <source>PostgreSQL port: expected 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_store.cpp" line="162"/>
        <source>Galleries: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfilesDialog</name>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="33"/>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="40"/>
        <source>Connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="37"/>
        <source>&amp;Profiles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="43"/>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="44"/>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="66"/>
        <source>Connection test results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="75"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="76"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="77"/>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="78"/>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="197"/>
        <source>Give the profile a name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="202"/>
        <source>Could not save the profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="218"/>
        <source>The secret is kept for this session only: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="223"/>
        <source>Saved &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="244"/>
        <source>Deleted &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="257"/>
        <source>Enter the %1 to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="285"/>
        <source>Enter the %1 to connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="289"/>
        <source>Could not write the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SecretCollector</name>
    <message>
        <location filename="../ui/dialogs/secret_collector.cpp" line="62"/>
        <source>PostgreSQL password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/secret_collector.cpp" line="64"/>
        <source>NATS password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/secret_collector.cpp" line="66"/>
        <source>NATS token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/secret_collector.cpp" line="96"/>
        <source>Enter the %1 of profile &quot;%2&quot; in Connection profiles.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SecretVault</name>
    <message>
        <location filename="../ui/dialogs/secret_vault.cpp" line="79"/>
        <location filename="../ui/dialogs/secret_vault.cpp" line="109"/>
        <source>keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="23"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="28"/>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; These settings live in the demo&apos;s temporary store and are discarded when Fleetdeck exits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="30"/>
        <source>Cluster-wide settings: stored in the cluster&apos;s store and used by every replica from the next tick of the pass they govern.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="50"/>
        <source>This console&apos;s connection (read-only; change it in Connection profiles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="59"/>
        <source>(not configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="60"/>
        <source>S&amp;tore:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="60"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>NATS &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>NATS URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="85"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="85"/>
        <source>Some settings were not saved; see the messages under them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="116"/>
        <source>store unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SettingsForm</name>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="17"/>
        <source>Heartbeat interval (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="18"/>
        <source>Registration token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="19"/>
        <source>Approve new nodes automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="20"/>
        <source>Health monitor tick (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="21"/>
        <source>Heartbeat stale after (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="22"/>
        <source>Reconciler tick (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="23"/>
        <source>Longest wait for replies in a pass (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="24"/>
        <source>Retries in flight:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="25"/>
        <source>Retry backoff base (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="26"/>
        <source>Retry backoff cap (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="27"/>
        <source>Dead-letter after attempts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="28"/>
        <source>Stale pending grace (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="29"/>
        <source>Operations at once per replica:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="30"/>
        <source>Node requests in flight per operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="31"/>
        <source>Executor claim poll (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="32"/>
        <source>Stale operation age (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="33"/>
        <source>Reaper period (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="34"/>
        <source>Keepalive of active operations (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="35"/>
        <source>Owner status coalescing (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="36"/>
        <source>Progress writes at most every (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="37"/>
        <source>History entries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="38"/>
        <source>Retention of finished operations (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="39"/>
        <source>Status map linger (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="40"/>
        <source>Install timeout (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="41"/>
        <source>Upgrade timeout (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="42"/>
        <source>List timeout (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="43"/>
        <source>Delete timeout (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="44"/>
        <source>Cancel timeout (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="45"/>
        <source>Payload cap (bytes):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="46"/>
        <source>Stalled after (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="47"/>
        <source>Connection stale after (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="48"/>
        <source>First check after taking the lead (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="49"/>
        <source>Check period (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="50"/>
        <source>Upgrade automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="51"/>
        <source>Refresh period (s):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="52"/>
        <source>Galleries (one &quot;name url&quot; per line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Reconciler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>NATS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="58"/>
        <source>Upgrades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="58"/>
        <source>Galleries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="114"/>
        <source>default %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="160"/>
        <source>Set new token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="161"/>
        <source>Open registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="162"/>
        <source>Remove the token: any node may register (not recommended outside demo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="168"/>
        <source>Set new registration token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="171"/>
        <source>Registration token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="172"/>
        <source>New registration token (workers pass it with --registration-token-file):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="191"/>
        <source>Registration opens on save (no token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="192"/>
        <source>A new token is set on save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="194"/>
        <source>Not set: any node may register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="195"/>
        <source>Set (***)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TablePage</name>
    <message numerus="yes">
        <location filename="../ui/views/table_page.cpp" line="146"/>
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TourBanner</name>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="22"/>
        <location filename="../ui/widgets/tour_banner.cpp" line="63"/>
        <source>Pause tour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="23"/>
        <source>Stop the scripted tour from starting new steps; what runs goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="24"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="25"/>
        <source>Hide the tour captions (the tour keeps playing unless paused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="38"/>
        <source>Demo tour: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="45"/>
        <source>Demo tour finished. Everything on screen is live: install, upgrade, delete and watch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="63"/>
        <source>Resume tour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TrayHealth</name>
    <message>
        <location filename="../ui/models/tray_health.cpp" line="45"/>
        <source>no nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/tray_health.cpp" line="47"/>
        <source>%1/%n node(s) healthy</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/tray_health.cpp" line="49"/>
        <source>%n operation(s) running</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/tray_health.cpp" line="51"/>
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/tray_health.cpp" line="52"/>
        <source>Fleetdeck — %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TrayNotifier</name>
    <message>
        <location filename="../ui/widgets/tray_notifier.cpp" line="42"/>
        <source>&amp;Show Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tray_notifier.cpp" line="44"/>
        <source>&amp;Reconcile now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tray_notifier.cpp" line="47"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tray_notifier.cpp" line="221"/>
        <location filename="../ui/widgets/tray_notifier.cpp" line="239"/>
        <source>Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/widgets/tray_notifier.cpp" line="249"/>
        <source>store unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::WelcomeDialog</name>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="42"/>
        <source>Welcome to Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="49"/>
        <source>Fleetdeck logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="51"/>
        <source>Fleetdeck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="58"/>
        <source>Install, upgrade and remove inference backends on every node of your cluster, and watch each operation to its end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="63"/>
        <source>No cluster is configured yet. How do you want to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="69"/>
        <source>Try the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="70"/>
        <source>An offline sample cluster with six nodes; nothing is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="72"/>
        <source>&amp;Connect to a cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="73"/>
        <source>Enter your NATS server and store, then save them as a profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="77"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
