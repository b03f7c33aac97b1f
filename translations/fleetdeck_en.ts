<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>fleetdeck::ui::BackendsModel</name>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="64"/>
        <source>installed %1 on %2 of %n node(s)</source>
        <translation>
            <numerusform>installed %1 on %2 of %n node</numerusform>
            <numerusform>installed %1 on %2 of %n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="70"/>
        <source>drift on %n node(s)</source>
        <translation>
            <numerusform>drift on %n node</numerusform>
            <numerusform>drift on %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionTester</name>
    <message numerus="yes">
        <location filename="../ui/connection/connection_tester.cpp" line="224"/>
        <source>Gallery %1: &quot;%2&quot;, %n backend(s)</source>
        <translation>
            <numerusform>Gallery %1: &quot;%2&quot;, %n backend</numerusform>
            <numerusform>Gallery %1: &quot;%2&quot;, %n backends</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="388"/>
        <source>Reap stale operations: %n op(s) reaped</source>
        <translation>
            <numerusform>Reap stale operations: %n op reaped</numerusform>
            <numerusform>Reap stale operations: %n ops reaped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="395"/>
        <source>Clean stale pending ops: %n stale pending op(s) deleted</source>
        <translation>
            <numerusform>Clean stale pending ops: %n stale pending op deleted</numerusform>
            <numerusform>Clean stale pending ops: %n stale pending ops deleted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="412"/>
        <source>%n operation(s) are running on this Fleetdeck instance. Quit anyway? The reconciler will finish them.</source>
        <translation>
            <numerusform>%n operation is running on this Fleetdeck instance. Quit anyway? The reconciler will finish it.</numerusform>
            <numerusform>%n operations are running on this Fleetdeck instance. Quit anyway? The reconciler will finish them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NotificationDigest</name>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="15"/>
        <source>%1; and %n more</source>
        <translation>
            <numerusform>%1; and %n more</numerusform>
            <numerusform>%1; and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="122"/>
        <source>%n operation(s) failed</source>
        <translation>
            <numerusform>%n operation failed</numerusform>
            <numerusform>%n operations failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="123"/>
        <source>%n node(s) offline</source>
        <translation>
            <numerusform>%n node offline</numerusform>
            <numerusform>%n nodes offline</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpPresentation</name>
    <message numerus="yes">
        <location filename="../ui/presentation/progress_text.cpp" line="50"/>
        <source>%1 on %n node(s)</source>
        <comment>state on node count</comment>
        <translation>
            <numerusform>%1 on %n node</numerusform>
            <numerusform>%1 on %n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsModel</name>
    <message numerus="yes">
        <location filename="../ui/models/ops_model.cpp" line="53"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ReasonText</name>
    <message numerus="yes">
        <location filename="../ui/presentation/reason_text.cpp" line="240"/>
        <source>Reconcile: %1 stale pending deleted, %2 confirmed, %3 retried (%4 succeeded, %5 failed), %6 dead-lettered, %n op(s) reaped — %7 ms</source>
        <comment>reconcile_report</comment>
        <translation>
            <numerusform>Reconcile: %1 stale pending deleted, %2 confirmed, %3 retried (%4 succeeded, %5 failed), %6 dead-lettered, %n op reaped — %7 ms</numerusform>
            <numerusform>Reconcile: %1 stale pending deleted, %2 confirmed, %3 retried (%4 succeeded, %5 failed), %6 dead-lettered, %n ops reaped — %7 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TablePage</name>
    <message numerus="yes">
        <location filename="../ui/views/table_page.cpp" line="146"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TrayHealth</name>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="51"/>
        <source>%1/%n node(s) healthy</source>
        <translation>
            <numerusform>%1/%n node healthy</numerusform>
            <numerusform>%1/%n nodes healthy</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="53"/>
        <source>%n operation(s) running</source>
        <translation>
            <numerusform>%n operation running</numerusform>
            <numerusform>%n operations running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="55"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
</TS>
