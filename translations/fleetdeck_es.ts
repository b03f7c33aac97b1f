<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Format</name>
    <message>
        <location filename="../ui/widgets/format.cpp" line="24"/>
        <source>just now</source>
        <translation>ahora mismo</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="26"/>
        <source>%1 s ago</source>
        <translation>hace %1 s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="28"/>
        <source>%1 min ago</source>
        <translation>hace %1 min</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="30"/>
        <source>%1 h ago</source>
        <translation>hace %1 h</translation>
    </message>
    <message>
        <location filename="../ui/widgets/format.cpp" line="31"/>
        <source>%1 d ago</source>
        <translation>hace %1 d</translation>
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
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>InstallPlan</name>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="22"/>
        <source>unknown vendor</source>
        <translation>fabricante desconocido</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="46"/>
        <source>pending approval</source>
        <translation>pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="48"/>
        <source>draining</source>
        <translation>drenando</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="50"/>
        <source>requires gpu_vendor %1; node has %2</source>
        <translation>requiere gpu_vendor %1; el nodo tiene %2</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="56"/>
        <source>Reinstall %1 on %2?</source>
        <translation>¿Reinstalar %1 en %2?</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="57"/>
        <source>Install %1 on %2?</source>
        <translation>¿Instalar %1 en %2?</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="59"/>
        <source>skipped: %1</source>
        <translation>omitidos: %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/install_plan.cpp" line="62"/>
        <source>Not reachable now, kept pending until they return: %1</source>
        <translation>No accesibles ahora, quedan pendientes hasta que vuelvan: %1</translation>
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
        <translation>Clúster de demostración</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="212"/>
        <source>Connection profiles</source>
        <translation>Perfiles de conexión</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="213"/>
        <source>The new connection is used the next time Fleetdeck starts.</source>
        <translation>La nueva conexión se usará la próxima vez que se inicie Fleetdeck.</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="219"/>
        <source>The demo could not be started.</source>
        <translation>No se pudo iniciar la demo.</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="238"/>
        <source>Fleetdeck could not start</source>
        <translation>Fleetdeck no se pudo iniciar</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/gui_main.cpp" line="239"/>
        <source>Connecting to %1 failed:
%2</source>
        <translation>Falló la conexión con %1:
%2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::DemoTour</name>
    <message>
        <location filename="../engine/demo/demo_tour.cpp" line="201"/>
        <source>That was the tour. The demo cluster keeps running: try anything.</source>
        <translation>Aquí termina el recorrido. El clúster de demostración sigue en marcha: pruebe lo que quiera.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="44"/>
        <source>Welcome to the Fleetdeck demo: six nodes, one pending approval, one offline, one drained by its admin.</source>
        <translation>Bienvenido a la demo de Fleetdeck: seis nodos, uno pendiente de aprobación, uno sin conexión y uno drenado por su administrador.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="62"/>
        <source>Upgrading llama-cpp-cuda12 to b4120 on every node that has it: each node streams its own progress.</source>
        <translation>Actualizando llama-cpp-cuda12 a b4120 en todos los nodos que lo tienen: cada nodo transmite su propio progreso.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="64"/>
        <source>jetson-orin is still installing after the 20 s request timeout: Worker busy. The reconciler will confirm it.</source>
        <translation>jetson-orin sigue instalando después de agotarse los 20 s de espera de la solicitud: Worker ocupado. El reconciler lo confirmará.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="71"/>
        <source>jetson-orin has finished: Reconcile now lists it, confirms the upgrade and finishes the op.</source>
        <translation>jetson-orin ha terminado: «Conciliar ahora» lo lista, confirma la actualización y finaliza la op.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="94"/>
        <source>Installing piper on gpu-a100-2: its artifact does not match the gallery&apos;s sha256.</source>
        <translation>Instalando piper en gpu-a100-2: su artefacto no coincide con el sha256 de la galería.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="96"/>
        <source>The piper install failed with a sha256 mismatch. Retry runs it again.</source>
        <translation>La instalación de piper falló porque el sha256 no coincide. «Reintentar» la ejecuta de nuevo.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="116"/>
        <source>It failed again. Dismiss removes it from the operations bar; History keeps both attempts.</source>
        <translation>Ha vuelto a fallar. «Descartar» la quita de la barra de operaciones; Actividad conserva ambos intentos.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="143"/>
        <source>Installing vllm on gpu-a100-1. Its link will stall for 75 s: watch the op turn Stalled after 60 s without progress.</source>
        <translation>Instalando vllm en gpu-a100-1. Su enlace se detendrá durante 75 s: observe cómo la op pasa a «Estancado» tras 60 s sin progreso.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="157"/>
        <source>The install timeout is back to the demo&apos;s 20 s.</source>
        <translation>El tiempo límite de instalación vuelve a los 20 s de la demo.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="164"/>
        <source>No progress for 60 s: the vllm download on gpu-a100-1 is Stalled.</source>
        <translation>Sin progreso desde hace 60 s: la descarga de vllm en gpu-a100-1 aparece como «Estancado».</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="171"/>
        <source>gpu-a100-1&apos;s link recovered: vllm finished installing.</source>
        <translation>El enlace de gpu-a100-1 se ha recuperado: vllm terminó de instalarse.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="224"/>
        <source>An install of whisper, abandoned 40 min ago by a replica that crashed, still shows as running.</source>
        <translation>Una instalación de whisper, abandonada hace 40 min por una réplica que se bloqueó, sigue apareciendo como en curso.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="234"/>
        <source>Reap stale operations: the abandoned op is marked failed everywhere, with Retry and Dismiss.</source>
        <translation>Depurar operaciones obsoletas: la op abandonada se marca como fallida en todas partes, con «Reintentar» y «Descartar».</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="254"/>
        <source>Installing bark on gpu-a100-2.</source>
        <translation>Instalando bark en gpu-a100-2.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="255"/>
        <source>gpu-a100-2 drops off the network in the middle of the download: no reply, no more heartbeats.</source>
        <translation>gpu-a100-2 se cae de la red en mitad de la descarga: ni respuesta ni más heartbeats.</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="270"/>
        <source>gpu-a100-2 no longer answers: Reconcile now sweeps its pending install and the op fails (&quot;node went offline before confirming&quot;).</source>
        <translation>gpu-a100-2 ya no responde: «Conciliar ahora» retira su instalación pendiente y la op falla («el nodo se desconectó antes de confirmar»).</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="284"/>
        <source>No heartbeat from gpu-a100-2 for 30 s: the node is Offline.</source>
        <translation>Sin heartbeat de gpu-a100-2 desde hace 30 s: el nodo aparece como «Sin conexión».</translation>
    </message>
    <message>
        <location filename="../engine/demo/demo_tour_scenes.cpp" line="289"/>
        <source>gpu-a100-2 is back on the network and registers again.</source>
        <translation>gpu-a100-2 vuelve a estar en la red y se registra de nuevo.</translation>
    </message>
</context>
<context>
    <name>fleetdeck::EngineFeed</name>
    <message>
        <location filename="../ui/bridge/engine_feed.cpp" line="163"/>
        <source>Could not read nodes: %1</source>
        <translation>No se pudieron leer los nodos: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::SingleInstance</name>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="74"/>
        <source>cannot create the directory %1</source>
        <translation>no se puede crear el directorio %1</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="92"/>
        <source>cannot create the lock file %1</source>
        <translation>no se puede crear el archivo de bloqueo %1</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="100"/>
        <source>another instance holds %1 but does not answer on %2</source>
        <translation>otra instancia tiene %1 pero no responde en %2</translation>
    </message>
    <message>
        <location filename="../app/fleetdeck/single_instance.cpp" line="114"/>
        <source>cannot listen on %1: %2</source>
        <translation>no se puede escuchar en %1: %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ActivityPage</name>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="25"/>
        <location filename="../ui/views/activity_page.cpp" line="30"/>
        <source>Activity</source>
        <translation>Actividad</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="66"/>
        <source>Outcome filter</source>
        <translation>Filtro de resultado</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="67"/>
        <source>All outcomes</source>
        <translation>Todos los resultados</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="74"/>
        <source>Filter by backend</source>
        <translation>Filtrar backend</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="75"/>
        <source>Backend filter</source>
        <translation>Filtro de backend</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="89"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="90"/>
        <source>Copy error</source>
        <translation>Copiar error</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="101"/>
        <source>Nothing happened yet</source>
        <translation>Todavía no ha pasado nada</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="102"/>
        <source>Installs, upgrades and deletes appear here once they end, with their per-node results.</source>
        <translation>Las instalaciones, actualizaciones y eliminaciones aparecen aquí al terminar, con sus resultados por nodo.</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="159"/>
        <source>Admit the operation again (failed, cancelled and dead-letter entries)</source>
        <translation>Admitir de nuevo la operación (entradas fallidas, canceladas y dead letter)</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="163"/>
        <source>Copy the full error text</source>
        <translation>Copiar el texto completo del error</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="207"/>
        <source>Retrying %1</source>
        <translation>Reintentando %1</translation>
    </message>
    <message>
        <location filename="../ui/views/activity_page.cpp" line="211"/>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendActions</name>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="41"/>
        <source>Not started</source>
        <translation>No iniciado</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="45"/>
        <source>%1 is already running as op %2</source>
        <translation>%1 ya se está ejecutando como op %2</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="57"/>
        <location filename="../ui/actions/backend_actions.cpp" line="63"/>
        <source>Install %1</source>
        <translation>Instalar %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="58"/>
        <source>No node can take %1.</source>
        <translation>Ningún nodo puede aceptar %1.</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="60"/>
        <source>skipped: %1</source>
        <translation>omitidos: %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="78"/>
        <source>Checking which nodes have %1…</source>
        <translation>Comprobando qué nodos tienen %1…</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="89"/>
        <source>no reachable node</source>
        <translation>ningún nodo accesible</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="93"/>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="94"/>
        <source>Delete %1 from %2? Running inference on it stops.</source>
        <translation>¿Eliminar %1 de %2? La inferencia que se ejecuta en él se detendrá.</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="96"/>
        <source>Upgrade %1</source>
        <translation>Actualizar %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="97"/>
        <source>Upgrade %1 to %2 on %3?</source>
        <translation>¿Actualizar %1 a %2 en %3?</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="99"/>
        <source>Reinstall %1</source>
        <translation>Reinstalar %1</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="100"/>
        <source>Reinstall %1 on %2? Each node downloads it again.</source>
        <translation>¿Reinstalar %1 en %2? Cada nodo lo volverá a descargar.</translation>
    </message>
    <message>
        <location filename="../ui/actions/backend_actions.cpp" line="103"/>
        <source>Not answering: %1</source>
        <translation>Sin respuesta: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::BackendsModel</name>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="64"/>
        <source>installed %1 on %2 of %n node(s)</source>
        <translation>
            <numerusform>%1 instalado en %2 de %n nodo</numerusform>
            <numerusform>%1 instalado en %2 de %n nodos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/backends_model.cpp" line="66"/>
        <source>not installed, version %1 available</source>
        <translation>no instalado, versión %1 disponible</translation>
    </message>
    <message>
        <location filename="../ui/models/backends_model.cpp" line="68"/>
        <source>update %1 available</source>
        <translation>actualización %1 disponible</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/backends_model.cpp" line="70"/>
        <source>drift on %n node(s)</source>
        <translation>
            <numerusform>divergencia en %n nodo</numerusform>
            <numerusform>divergencia en %n nodos</numerusform>
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
        <translation>Todos los backends</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="46"/>
        <source>Installed</source>
        <translation>Instalados</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="47"/>
        <source>Not installed</source>
        <translation>No instalados</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="48"/>
        <source>Installed filter</source>
        <translation>Filtro de instalación</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="49"/>
        <source>Show all, installed or not installed backends</source>
        <translation>Mostrar todos los backends, los instalados o los no instalados</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="51"/>
        <location filename="../ui/views/backends_page.cpp" line="189"/>
        <source>All tags</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="52"/>
        <source>Tag filter</source>
        <translation>Filtro de etiqueta</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="53"/>
        <source>Show backends with this tag</source>
        <translation>Mostrar los backends con esta etiqueta</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="55"/>
        <source>Updates</source>
        <translation>Actualizaciones</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="57"/>
        <source>Only backends with an update available</source>
        <translation>Solo backends con una actualización disponible</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="59"/>
        <source>Development</source>
        <translation>Desarrollo</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="62"/>
        <source>Show development builds</source>
        <translation>Mostrar compilaciones de desarrollo</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="71"/>
        <source>Backend cards</source>
        <translation>Tarjetas de backends</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="204"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="204"/>
        <source>The gallery is read once Fleetdeck has connected to the cluster.</source>
        <translation>La galería se lee cuando Fleetdeck se haya conectado al clúster.</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="208"/>
        <source>No gallery configured</source>
        <translation>No hay ninguna galería configurada</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="209"/>
        <source>Add a gallery index in the settings (or start with --gallery URL) to see installable backends.</source>
        <translation>Añada un índice de galería en los ajustes (o inicie con --gallery URL) para ver los backends instalables.</translation>
    </message>
    <message>
        <location filename="../ui/views/backends_page.cpp" line="210"/>
        <source>Open settings</source>
        <translation>Abrir ajustes</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::CardDelegate</name>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="81"/>
        <source>Install on all nodes</source>
        <translation>Instalar en todos</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="81"/>
        <source>Install</source>
        <translation>Instalar</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="82"/>
        <source>Install on nodes…</source>
        <translation>Instalar en nodos…</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="83"/>
        <source>Reinstall</source>
        <translation>Reinstalar</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="84"/>
        <source>Upgrade</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="87"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="246"/>
        <source>Update</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="248"/>
        <source>Drift %1</source>
        <translation>Divergencia %1</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="250"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="252"/>
        <source>Development</source>
        <translation>Desarrollo</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="254"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="261"/>
        <source>No description</source>
        <translation>Sin descripción</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="279"/>
        <source>%1/%2 nodes</source>
        <translation>%1/%2 nodos</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="279"/>
        <source>not installed</source>
        <translation>no instalado</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="430"/>
        <source>More actions for %1</source>
        <translation>Más acciones para %1</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="432"/>
        <source>%1 is busy: %2</source>
        <translation>%1 está ocupado: %2</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="433"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../ui/delegates/card_delegate.cpp" line="437"/>
        <source>Versions differ across nodes: %1</source>
        <translation>Las versiones difieren entre nodos: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectingPanel</name>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="20"/>
        <source>Connecting to the cluster</source>
        <translation>Conectando con el clúster</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="34"/>
        <source>Fleetdeck tries again every 5 s and opens the cluster by itself once the store answers. Check the store&apos;s address, or change the connection in Settings…, or look around the demo.</source>
        <translation>Fleetdeck lo reintenta cada 5 s y abre el clúster por sí solo en cuanto el almacén responda. Compruebe la dirección del almacén, cambie la conexión en Ajustes… o explore la demo.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="48"/>
        <source>Settings…</source>
        <translation>Ajustes…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="49"/>
        <source>Connection profiles: the store and NATS this window connects to</source>
        <translation>Perfiles de conexión: el almacén y el NATS a los que se conecta esta ventana</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="50"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="51"/>
        <source>Open the offline demo cluster in a new window</source>
        <translation>Abrir el clúster de demostración sin conexión en una ventana nueva</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="79"/>
        <source>Connecting to store %1… (attempt %2)</source>
        <translation>Conectando con el almacén %1… (intento %2)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connecting_panel.cpp" line="80"/>
        <source>Connecting to store %1: %2 (attempt %3)</source>
        <translation>Conectando con el almacén %1: %2 (intento %3)</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionIndicator</name>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="21"/>
        <source>◌ Connecting…</source>
        <translation>◌ Conectando…</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="23"/>
        <source>● Live</source>
        <translation>● En vivo</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="25"/>
        <source>◐ Stale %1 s</source>
        <translation>◐ Desfasado %1 s</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="28"/>
        <source>○ Disconnected</source>
        <translation>○ Desconectado</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="44"/>
        <source>connecting to the store</source>
        <translation>conectando con el almacén</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="44"/>
        <source>store unreachable: %1</source>
        <translation>almacén inaccesible: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="46"/>
        <source>Connected; data is live</source>
        <translation>Conectado; los datos están al día</translation>
    </message>
    <message>
        <location filename="../ui/widgets/connection_indicator.cpp" line="48"/>
        <source>Connection: %1. %2</source>
        <translation>Conexión: %1. %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ConnectionTester</name>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="51"/>
        <source>Store %1: testing…</source>
        <translation>Almacén %1: probando…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="52"/>
        <source>NATS %1: testing…</source>
        <translation>NATS %1: probando…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="54"/>
        <source>Gallery %1: testing…</source>
        <translation>Galería %1: probando…</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="56"/>
        <source>No gallery configured for this profile (the cluster&apos;s galleries apply)</source>
        <translation>No hay galería configurada para este perfil (se aplican las galerías del clúster)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="107"/>
        <source>Store %1: the directory %2 does not exist or is not writable</source>
        <translation>Almacén %1: el directorio %2 no existe o no tiene permiso de escritura</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="109"/>
        <source>Store %1: a new store is created there on connect</source>
        <translation>Almacén %1: al conectar se creará allí un almacén nuevo</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="121"/>
        <location filename="../ui/connection/connection_tester.cpp" line="128"/>
        <location filename="../ui/connection/connection_tester.cpp" line="134"/>
        <source>Store %1: %2</source>
        <translation>Almacén %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="137"/>
        <source>Store %1: connected, cluster %2, schema %3</source>
        <translation>Almacén %1: conectado, clúster %2, esquema %3</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="140"/>
        <source>Store %1: connected; no Fleetdeck schema yet (created on connect)</source>
        <translation>Almacén %1: conectado; todavía sin esquema de Fleetdeck (se crea al conectar)</translation>
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
        <translation>tiempo de espera agotado en flush</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="192"/>
        <source>NATS %1: connected (auth: %2)</source>
        <translation>NATS %1: conectado (autenticación: %2)</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="219"/>
        <source>Gallery %1: timed out</source>
        <translation>Galería %1: tiempo de espera agotado</translation>
    </message>
    <message>
        <location filename="../ui/connection/connection_tester.cpp" line="221"/>
        <source>Gallery %1: %2</source>
        <translation>Galería %1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connection/connection_tester.cpp" line="224"/>
        <source>Gallery %1: &quot;%2&quot;, %n backend(s)</source>
        <translation>
            <numerusform>Galería %1: «%2», %n backend</numerusform>
            <numerusform>Galería %1: «%2», %n backends</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::GalleryListEditor</name>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="17"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="17"/>
        <source>URL or path</source>
        <translation>URL o ruta</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="28"/>
        <source>&amp;Add gallery</source>
        <translation>&amp;Añadir galería</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="29"/>
        <source>Re&amp;move</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/gallery_list_editor.cpp" line="30"/>
        <source>Remove the selected gallery</source>
        <translation>Quitar la galería seleccionada</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::HistoryModel</name>
    <message>
        <location filename="../ui/models/history_model.cpp" line="43"/>
        <source>Done</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="45"/>
        <location filename="../ui/models/history_model.cpp" line="75"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="47"/>
        <location filename="../ui/models/history_model.cpp" line="77"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="49"/>
        <source>Worker busy</source>
        <translation>Worker ocupado</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="51"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="73"/>
        <source>Succeeded</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="79"/>
        <source>Dead letter</source>
        <translation>Dead letter</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="103"/>
        <source>Reinstall</source>
        <translation>Reinstalación</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="103"/>
        <source>Install</source>
        <translation>Instalación</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="105"/>
        <source>Upgrade</source>
        <translation>Actualización</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="107"/>
        <source>Delete</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="120"/>
        <source>%1 · 1 attempt</source>
        <translation>%1 · 1 intento</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="120"/>
        <source>%1 · %2 attempts</source>
        <translation>%1 · %2 intentos</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="138"/>
        <source>%1 ok</source>
        <translation>correctos: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="140"/>
        <source>%1 failed</source>
        <translation>fallidos: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="142"/>
        <source>%1 cancelled</source>
        <translation>cancelados: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="144"/>
        <source>%1 queued</source>
        <translation>en cola: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="146"/>
        <source>%1 in progress</source>
        <translation>en curso: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="265"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="266"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="267"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="268"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="269"/>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="270"/>
        <source>Requested by</source>
        <translation>Solicitado por</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="271"/>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="272"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="273"/>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="308"/>
        <source>%1 %2: %3, %4</source>
        <translation>%1 %2: %3, %4</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="312"/>
        <source>, nodes: %1</source>
        <translation>, nodos: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="314"/>
        <source>, error: %1</source>
        <translation>, error: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="344"/>
        <source>%1 (op %2)</source>
        <translation>%1 (op %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="376"/>
        <source>Admit %1 again on %2</source>
        <translation>Admitir de nuevo %1 en %2</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="377"/>
        <source>Admit this operation again</source>
        <translation>Admitir de nuevo esta operación</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="113"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="399"/>
        <source>%1 on %2: %3</source>
        <translation>%1 en %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="400"/>
        <source>%1 on %2: %3, %4</source>
        <translation>%1 en %2: %3, %4</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="418"/>
        <source>1 attempt</source>
        <translation>1 intento</translation>
    </message>
    <message>
        <location filename="../ui/models/history_model.cpp" line="418"/>
        <source>%1 attempts</source>
        <translation>%1 intentos</translation>
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
        <translation>Páginas</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Manage</source>
        <translation>Gestionar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="151"/>
        <source>Activity</source>
        <translation>Actividad</translation>
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
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="178"/>
        <source>Search backends, nodes, ops…  (Ctrl+K)</source>
        <translation>Buscar backends, nodos, ops…  (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="179"/>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Search the current page</source>
        <translation>Buscar en la página actual</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="196"/>
        <source>⟳ Reconcile</source>
        <translation>⟳ Conciliar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Reconcile now (Ctrl+R); more in the menu</source>
        <translation>Conciliar ahora (Ctrl+R); más opciones en el menú</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="200"/>
        <location filename="../ui/main_window.cpp" line="266"/>
        <source>Reconcile now</source>
        <translation>Conciliar ahora</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="201"/>
        <source>Reap stale operations</source>
        <translation>Depurar operaciones obsoletas</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="202"/>
        <source>Clean stale pending ops</source>
        <translation>Limpiar ops pendientes obsoletas</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="213"/>
        <source>Connection &amp;profiles…</source>
        <translation>&amp;Perfiles de conexión…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="214"/>
        <source>Cluster &amp;settings…</source>
        <translation>&amp;Ajustes del clúster…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="216"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="218"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Backends</source>
        <translation>&amp;Backends</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Manage</source>
        <translation>&amp;Gestionar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Nodes</source>
        <translation>&amp;Nodos</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="219"/>
        <source>&amp;Activity</source>
        <translation>Acti&amp;vidad</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="223"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="228"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="230"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="231"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="232"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="244"/>
        <source>&amp;Cluster</source>
        <translation>&amp;Clúster</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="245"/>
        <source>&amp;Reconcile now</source>
        <translation>&amp;Conciliar ahora</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="246"/>
        <source>Reap &amp;stale operations</source>
        <translation>Depurar operaciones &amp;obsoletas</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="247"/>
        <source>Clean stale &amp;pending ops</source>
        <translation>Limpiar ops &amp;pendientes obsoletas</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="249"/>
        <source>Check for &amp;updates</source>
        <translation>Buscar act&amp;ualizaciones</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="252"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="253"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>&amp;About Fleetdeck</source>
        <translation>&amp;Acerca de Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>About Fleetdeck</source>
        <translation>Acerca de Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>Fleetdeck %1
Install, upgrade and delete inference backends on every node, live.</source>
        <translation>Fleetdeck %1
Instale, actualice y elimine backends de inferencia en cada nodo, en vivo.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="264"/>
        <source>Backends, Manage, Nodes, Activity</source>
        <translation>Backends, Gestionar, Nodos, Actividad</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="267"/>
        <source>Check for updates</source>
        <translation>Buscar actualizaciones</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="268"/>
        <source>Cluster settings</source>
        <translation>Ajustes del clúster</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="269"/>
        <source>Run a card&apos;s primary action</source>
        <translation>Ejecutar la acción principal de una tarjeta</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="270"/>
        <source>Copy the selected operation or error</source>
        <translation>Copiar la operación o el error seleccionado</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="271"/>
        <source>Delete the selected node (asks first)</source>
        <translation>Eliminar el nodo seleccionado (pide confirmación)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="272"/>
        <source>This help</source>
        <translation>Esta ayuda</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="273"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="279"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="311"/>
        <source>%1 — Fleetdeck</source>
        <translation>%1 — Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="324"/>
        <source>Last reconcile %1: %2</source>
        <translation>Última conciliación %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="327"/>
        <source>No reconcile report yet</source>
        <translation>Todavía no hay informe de conciliación</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="333"/>
        <source>not connected yet</source>
        <translation>aún sin conexión</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="337"/>
        <source>cluster %1… · %2/%3 nodes healthy</source>
        <translation>clúster %1… · %2/%3 nodos sanos</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="353"/>
        <source>store unreachable</source>
        <translation>almacén inaccesible</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="353"/>
        <source>not connected yet: Fleetdeck is starting</source>
        <translation>aún sin conexión: Fleetdeck se está iniciando</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="381"/>
        <source>Reconciling…</source>
        <translation>Conciliando…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="388"/>
        <source>Reap stale operations: %n op(s) reaped</source>
        <translation>
            <numerusform>Depurar operaciones obsoletas: %n op depurada</numerusform>
            <numerusform>Depurar operaciones obsoletas: %n ops depuradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="395"/>
        <source>Clean stale pending ops: %n stale pending op(s) deleted</source>
        <translation>
            <numerusform>Limpiar ops pendientes obsoletas: %n op pendiente obsoleta eliminada</numerusform>
            <numerusform>Limpiar ops pendientes obsoletas: %n ops pendientes obsoletas eliminadas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="411"/>
        <source>Quit Fleetdeck</source>
        <translation>Salir de Fleetdeck</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="412"/>
        <source>%n operation(s) are running on this Fleetdeck instance. Quit anyway? The reconciler will finish them.</source>
        <translation>
            <numerusform>Hay %n operación en curso en esta instancia de Fleetdeck. ¿Salir de todos modos? El reconciler la terminará.</numerusform>
            <numerusform>Hay %n operaciones en curso en esta instancia de Fleetdeck. ¿Salir de todos modos? El reconciler las terminará.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ManageModel</name>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="296"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="297"/>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="298"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="299"/>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="300"/>
        <source>Installed</source>
        <translation>Instalado</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="301"/>
        <source>Actions</source>
        <translation>Acciones</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="319"/>
        <source>version %1</source>
        <translation>versión %1</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="319"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="321"/>
        <source>update %1 available</source>
        <translation>actualización %1 disponible</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="323"/>
        <source>drift on 1 node</source>
        <translation>divergencia en 1 nodo</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="323"/>
        <source>drift on %1 nodes</source>
        <translation>divergencia en %1 nodos</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="324"/>
        <source>on 1 node</source>
        <translation>en 1 nodo</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="324"/>
        <source>on %1 nodes</source>
        <translation>en %1 nodos</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="328"/>
        <source>protected</source>
        <translation>protegido</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="339"/>
        <source>An operation runs for this backend</source>
        <translation>Hay una operación en curso para este backend</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="342"/>
        <source>Upgrade</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="343"/>
        <source>Upgrade %1 to %2 on every node</source>
        <translation>Actualizar %1 a %2 en todos los nodos</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="344"/>
        <source>Reinstall</source>
        <translation>Reinstalar</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="345"/>
        <source>Download and install %1 again on the nodes that have it</source>
        <translation>Volver a descargar e instalar %1 en los nodos que lo tienen</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="346"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="347"/>
        <source>Delete %1 from every node</source>
        <translation>Eliminar %1 de todos los nodos</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="372"/>
        <source>%1 (for %2)</source>
        <translation>%1 (para %2)</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="376"/>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="378"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="380"/>
        <source>Development</source>
        <translation>Desarrollo</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="391"/>
        <source>Installed: %1</source>
        <translation>Instalado: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="393"/>
        <source>Available: %1</source>
        <translation>Disponible: %1</translation>
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
        <translation>Actualización</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="401"/>
        <source>Update %1</source>
        <translation>Actualización %1</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="407"/>
        <source>Drift: 1 node</source>
        <translation>Divergencia: 1 nodo</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="407"/>
        <source>Drift: %1 nodes</source>
        <translation>Divergencia: %1 nodos</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="433"/>
        <source>Protected</source>
        <translation>Protegido</translation>
    </message>
    <message>
        <location filename="../ui/models/manage_model.cpp" line="434"/>
        <location filename="../ui/models/manage_model.cpp" line="437"/>
        <source>System backends come with the worker and cannot be changed here</source>
        <translation>Los backends del sistema vienen con el worker y no se pueden cambiar aquí</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ManagePage</name>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="33"/>
        <source>Manage</source>
        <translation>Gestionar</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="39"/>
        <source>Installed backends</source>
        <translation>Backends instalados</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="54"/>
        <location filename="../ui/views/manage_page.cpp" line="95"/>
        <source>Check for updates</source>
        <translation>Buscar actualizaciones</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="55"/>
        <source>Ask the upgrade leader to list every node and compare with the galleries</source>
        <translation>Pedir al líder de actualizaciones que liste todos los nodos y los compare con las galerías</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="56"/>
        <location filename="../ui/views/manage_page.cpp" line="138"/>
        <location filename="../ui/views/manage_page.cpp" line="244"/>
        <source>Upgrade all</source>
        <translation>Actualizar todo</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="62"/>
        <source>Update check requested</source>
        <translation>Comprobación de actualizaciones solicitada</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="66"/>
        <location filename="../ui/views/manage_page.cpp" line="80"/>
        <location filename="../ui/views/manage_page.cpp" line="87"/>
        <source>Upgrade</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="67"/>
        <location filename="../ui/views/manage_page.cpp" line="82"/>
        <location filename="../ui/views/manage_page.cpp" line="89"/>
        <source>Reinstall</source>
        <translation>Reinstalar</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="68"/>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="97"/>
        <source>No installed backends</source>
        <translation>No hay backends instalados</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="117"/>
        <source>not checked yet</source>
        <translation>aún sin comprobar</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="118"/>
        <source>checked %1</source>
        <translation>comprobado %1</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="136"/>
        <source>Upgrade %1</source>
        <translation>Actualizar %1</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="137"/>
        <source>No backend has an update</source>
        <translation>Ningún backend tiene actualizaciones</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="138"/>
        <source>Upgrade all (%1)</source>
        <translation>Actualizar todo (%1)</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="146"/>
        <source>No node reports an installed backend. Install one from the Backends page.</source>
        <translation>Ningún nodo informa de un backend instalado. Instale uno desde la página Backends.</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="147"/>
        <source>No update check has reported yet; the upgrade leader runs one shortly after it starts.</source>
        <translation>Todavía no ha informado ninguna comprobación de actualizaciones; el líder de actualizaciones ejecuta una poco después de iniciarse.</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="149"/>
        <source>%1 ⬆</source>
        <translation>%1 ⬆</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="195"/>
        <source>Upgrade the selected backends that have an update</source>
        <translation>Actualizar los backends seleccionados que tienen una actualización</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="195"/>
        <source>No update available</source>
        <translation>No hay actualizaciones disponibles</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="199"/>
        <source>Download and install again on the nodes that have it</source>
        <translation>Volver a descargar e instalar en los nodos que lo tienen</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="200"/>
        <location filename="../ui/views/manage_page.cpp" line="204"/>
        <source>System backends are protected</source>
        <translation>Los backends del sistema están protegidos</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="204"/>
        <source>Delete from every node (Delete)</source>
        <translation>Eliminar de todos los nodos (Supr)</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="224"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="235"/>
        <source>%1 already has a running operation</source>
        <translation>%1 ya tiene una operación en curso</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="237"/>
        <source>%1 admitted</source>
        <translation>%1 admitido</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="268"/>
        <source>%1 from %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="270"/>
        <source>%1 from its node</source>
        <translation>%1 de su nodo</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="270"/>
        <source>%1 from its %2 nodes</source>
        <translation>%1 de sus %2 nodos</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="272"/>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="274"/>
        <source>Not reachable, not checked: %1</source>
        <translation>No accesibles, sin comprobar: %1</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="276"/>
        <source>Delete backends</source>
        <translation>Eliminar backends</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="279"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../ui/views/manage_page.cpp" line="285"/>
        <source>Finding the nodes that have %1…</source>
        <translation>Buscando los nodos que tienen %1…</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodePickerDialog</name>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="15"/>
        <source>Install %1 on nodes</source>
        <translation>Instalar %1 en nodos</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="17"/>
        <source>Choose the nodes that get %1. Each node gets its own operation.</source>
        <translation>Elija los nodos que recibirán %1. Cada nodo recibe su propia operación.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/node_picker_dialog.cpp" line="21"/>
        <source>Nodes</source>
        <translation>Nodos</translation>
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
        <translation>Instalar</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodesModel</name>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="42"/>
        <source>Healthy</source>
        <translation>Sano</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="43"/>
        <source>Unhealthy</source>
        <translation>Con fallos</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="44"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="45"/>
        <source>Draining</source>
        <translation>Drenando</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="48"/>
        <source>Pending approval</source>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="66"/>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="69"/>
        <source>last seen %1</source>
        <translation>visto %1</translation>
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
        <translation>1 núcleo</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="103"/>
        <source>%1 cores</source>
        <translation>%1 núcleos</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="112"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="113"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="114"/>
        <source>Heartbeat</source>
        <translation>Heartbeat</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="115"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="116"/>
        <source>Resources</source>
        <translation>Recursos</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="117"/>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="118"/>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="148"/>
        <source>%1: %2, heartbeat %3</source>
        <translation>%1: %2, heartbeat %3</translation>
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
        <translation>%1 (id %2)</translation>
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
        <translation>Desplegar para listar los backends de este nodo</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="232"/>
        <source>Listing backends…</source>
        <translation>Listando backends…</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="233"/>
        <source>No backends installed</source>
        <translation>No hay backends instalados</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="234"/>
        <source>Listing failed: %1</source>
        <translation>Falló el listado: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="256"/>
        <source>%1 on %2: installed, version %3</source>
        <translation>%1 en %2: instalado, versión %3</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="256"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="262"/>
        <source>Installed</source>
        <translation>Instalado</translation>
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
        <translation>Sistema</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="277"/>
        <source>Meta</source>
        <translation>Meta</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="285"/>
        <source>installed %1</source>
        <translation>instalado %1</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="293"/>
        <source>for %1</source>
        <translation>para %1</translation>
    </message>
    <message>
        <location filename="../ui/models/nodes_model_cells.cpp" line="305"/>
        <source>Update %1</source>
        <translation>Actualización %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NodesPage</name>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="38"/>
        <location filename="../ui/views/nodes_page.cpp" line="57"/>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="59"/>
        <source>Registration is open: any client on the bus can register a node</source>
        <translation>El registro está abierto: cualquier cliente del bus puede registrar un nodo</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="60"/>
        <source>Set nodes/registration_token in Settings so that only workers holding the token can register</source>
        <translation>Defina nodes/registration_token en los ajustes para que solo puedan registrarse los workers que tengan el token</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="68"/>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="69"/>
        <source>Drain…</source>
        <translation>Drenar…</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="70"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="71"/>
        <source>Delete node…</source>
        <translation>Eliminar nodo…</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="72"/>
        <source>Upgrade on this node</source>
        <translation>Actualizar en este nodo</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="73"/>
        <source>Reinstall on this node</source>
        <translation>Reinstalar en este nodo</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="74"/>
        <source>Delete from this node…</source>
        <translation>Eliminar de este nodo…</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="99"/>
        <source>Copy command</source>
        <translation>Copiar comando</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="105"/>
        <source>No nodes yet</source>
        <translation>Todavía no hay nodos</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="156"/>
        <source>Start %1 on a node</source>
        <translation>Inicie %1 en un nodo</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="165"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="190"/>
        <source>Backends are listed from healthy and unhealthy nodes only; this node %1</source>
        <translation>Los backends solo se listan en nodos en buen estado o con problemas; este nodo %1</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="205"/>
        <source>the node was not listed</source>
        <translation>el nodo no se listó</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="246"/>
        <source>Approve the selected pending nodes</source>
        <translation>Aprobar los nodos pendientes seleccionados</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="248"/>
        <source>Stop sending requests to the selected nodes</source>
        <translation>Dejar de enviar solicitudes a los nodos seleccionados</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="250"/>
        <source>Let the selected nodes take requests again</source>
        <translation>Permitir que los nodos seleccionados vuelvan a aceptar solicitudes</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="251"/>
        <source>Remove the selected nodes from the registry (Delete)</source>
        <translation>Quitar los nodos seleccionados del registro (Supr)</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="258"/>
        <source>System backends are protected</source>
        <translation>Los backends del sistema están protegidos</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="260"/>
        <source>Upgrade on the node it is installed on</source>
        <translation>Actualizar en el nodo donde está instalado</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="260"/>
        <source>No update available for this node</source>
        <translation>No hay actualizaciones disponibles para este nodo</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="262"/>
        <source>Download and install again on that node</source>
        <translation>Volver a descargar e instalar en ese nodo</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="263"/>
        <source>Delete from that node (Delete)</source>
        <translation>Eliminar de ese nodo (Supr)</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="293"/>
        <source>Drain nodes</source>
        <translation>Drenar nodos</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="294"/>
        <source>Drain %1?

A draining node receives no new requests; what runs on it finishes. Resume it to take requests again.</source>
        <translation>¿Drenar %1?

Un nodo en drenaje no recibe solicitudes nuevas; lo que se ejecuta en él termina. Reanúdelo para que vuelva a aceptar solicitudes.</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="303"/>
        <source>Approved 1 node</source>
        <translation>1 nodo aprobado</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="303"/>
        <source>Approved %1 nodes</source>
        <translation>%1 nodos aprobados</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="304"/>
        <source>Drained 1 node</source>
        <translation>1 nodo drenado</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="304"/>
        <source>Drained %1 nodes</source>
        <translation>%1 nodos drenados</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="307"/>
        <source>Resumed 1 node</source>
        <translation>1 nodo reanudado</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="307"/>
        <source>Resumed %1 nodes</source>
        <translation>%1 nodos reanudados</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="330"/>
        <source>Delete nodes</source>
        <translation>Eliminar nodos</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="331"/>
        <source>Delete %1?

The pending operations of these nodes are deleted. A worker that is still running registers again, as pending approval, unless it is stopped first.</source>
        <translation>¿Eliminar %1?

Se eliminan las operaciones pendientes de estos nodos. Un worker que siga en ejecución se registrará de nuevo, como pendiente de aprobación, a menos que se detenga antes.</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="338"/>
        <source>Deleted 1 node</source>
        <translation>1 nodo eliminado</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="338"/>
        <source>Deleted %1 nodes</source>
        <translation>%1 nodos eliminados</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="345"/>
        <source>%1: 1 operation cancelled</source>
        <translation>%1: 1 operación cancelada</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="345"/>
        <source>%1: %2 operations cancelled</source>
        <translation>%1: %2 operaciones canceladas</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="362"/>
        <location filename="../ui/views/nodes_page.cpp" line="384"/>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="364"/>
        <source>Delete backends</source>
        <translation>Eliminar backends</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="364"/>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="373"/>
        <source>Deleting %1</source>
        <translation>Eliminando %1</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="374"/>
        <source>Upgrading %1</source>
        <translation>Actualizando %1</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="375"/>
        <source>Reinstalling %1</source>
        <translation>Reinstalando %1</translation>
    </message>
    <message>
        <location filename="../ui/views/nodes_page.cpp" line="375"/>
        <source>Installing %1</source>
        <translation>Instalando %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::NotificationDigest</name>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="15"/>
        <source>%1; and %n more</source>
        <translation>
            <numerusform>%1; y %n más</numerusform>
            <numerusform>%1; y %n más</numerusform>
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
        <translation>%1 en %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="122"/>
        <source>%n operation(s) failed</source>
        <translation>
            <numerusform>%n operación fallida</numerusform>
            <numerusform>%n operaciones fallidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/notification_digest.cpp" line="123"/>
        <source>%n node(s) offline</source>
        <translation>
            <numerusform>%n nodo sin conexión</numerusform>
            <numerusform>%n nodos sin conexión</numerusform>
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
        <translation>Instalando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="18"/>
        <source>Upgrading</source>
        <comment>card state, short</comment>
        <translation>Actualiz.</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="21"/>
        <source>Removing</source>
        <comment>card state, short</comment>
        <translation>Eliminando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="41"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="168"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="49"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="172"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="55"/>
        <source>Succeeded</source>
        <translation>Correcto</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="66"/>
        <source>Installing</source>
        <translation>Instalando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="67"/>
        <source>Upgrading</source>
        <translation>Actualizando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="70"/>
        <source>Removing</source>
        <translation>Eliminando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="76"/>
        <source>install</source>
        <translation>instalar</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="77"/>
        <source>upgrade</source>
        <translation>actualizar</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="80"/>
        <source>delete</source>
        <translation>eliminar</translation>
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
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="100"/>
        <source>Waiting for a free executor slot</source>
        <translation>Esperando un hueco libre del ejecutor</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="105"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="160"/>
        <source>Worker busy</source>
        <translation>Worker ocupado</translation>
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
            <numerusform>%1 en %n nodo</numerusform>
            <numerusform>%1 en %n nodos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="58"/>
        <source>the worker is still deleting; the reconciler will confirm</source>
        <translation>el worker sigue eliminando; el reconciler lo confirmará</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="59"/>
        <source>the worker is still installing; the reconciler will confirm</source>
        <translation>el worker sigue instalando; el reconciler lo confirmará</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="61"/>
        <source>the worker on %1 is still deleting; the reconciler will confirm</source>
        <translation>el worker de %1 sigue eliminando; el reconciler lo confirmará</translation>
    </message>
    <message>
        <location filename="../ui/presentation/progress_text.cpp" line="62"/>
        <source>the worker on %1 is still installing; the reconciler will confirm</source>
        <translation>el worker de %1 sigue instalando; el reconciler lo confirmará</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="119"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="182"/>
        <source>Stalled</source>
        <translation>Estancado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="120"/>
        <source>Stalled · %1</source>
        <comment>stalled · percentage</comment>
        <translation>Estancado · %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="121"/>
        <source>no progress for %1</source>
        <translation>sin progreso desde hace %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="133"/>
        <location filename="../ui/presentation/op_presentation.cpp" line="153"/>
        <source>Deleting</source>
        <translation>Eliminando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="134"/>
        <source>Deleting…</source>
        <translation>Eliminando…</translation>
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
        <translation>Esperando al nodo</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="156"/>
        <source>Downloading</source>
        <translation>Descargando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="157"/>
        <source>Verifying</source>
        <translation>Verificando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="158"/>
        <source>Extracting</source>
        <translation>Extrayendo</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="164"/>
        <source>Done</source>
        <translation>Completado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/op_presentation.cpp" line="191"/>
        <location filename="../ui/presentation/progress_text.cpp" line="48"/>
        <source>%1 on %2</source>
        <comment>state on node</comment>
        <translation>%1 en %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsBar</name>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="56"/>
        <source>Operations</source>
        <translation>Operaciones</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="74"/>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="76"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <location filename="../ui/widgets/ops_bar.cpp" line="117"/>
        <source>Operations — %1 active, %2 failed</source>
        <translation>Operaciones — activas: %1, fallidas: %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsDelegate</name>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="80"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="81"/>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="82"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="83"/>
        <source>Retry on this node</source>
        <translation>Reintentar en este nodo</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="221"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="267"/>
        <source>Start this operation again</source>
        <translation>Iniciar de nuevo esta operación</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="268"/>
        <source>Remove this failure from the bar (it stays in Activity)</source>
        <translation>Quitar este fallo de la barra (se conserva en Actividad)</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="269"/>
        <source>Cancel this operation on every node</source>
        <translation>Cancelar esta operación en todos los nodos</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="270"/>
        <source>Run this operation again on this node only</source>
        <translation>Ejecutar de nuevo esta operación solo en este nodo</translation>
    </message>
    <message>
        <location filename="../ui/delegates/ops_delegate.cpp" line="280"/>
        <source>Details:
%1</source>
        <translation>Detalles:
%1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::OpsModel</name>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="20"/>
        <source> on %1</source>
        <translation> en %1</translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="23"/>
        <source>Failed to %1 backend: %2%3 (%4)</source>
        <translation>No se pudo %1 el backend: %2%3 (%4)</translation>
    </message>
    <message>
        <location filename="../ui/models/ops_model.cpp" line="27"/>
        <source>%1 backend: %2%3</source>
        <translation>%1 backend: %2%3</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/models/ops_model.cpp" line="53"/>
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n nodo</numerusform>
            <numerusform>%n nodos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfileEditor</name>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="33"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="33"/>
        <source>Profile name</source>
        <translation>Nombre del perfil</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="34"/>
        <source>e.g. production</source>
        <translation>p. ej. production</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="37"/>
        <source>Profile kind</source>
        <translation>Tipo de perfil</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="38"/>
        <source>Cluster (PostgreSQL or SQLite store, NATS)</source>
        <translation>Clúster (almacén PostgreSQL o SQLite, NATS)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="39"/>
        <source>Demo (offline, temporary)</source>
        <translation>Demo (sin conexión, temporal)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="40"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Tipo:</translation>
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
        <translation>URL de NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="50"/>
        <source>NATS authentication</source>
        <translation>Autenticación de NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="51"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="52"/>
        <source>User and password</source>
        <translation>Usuario y contraseña</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="53"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="54"/>
        <source>Credentials file</source>
        <translation>Archivo de credenciales</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="55"/>
        <source>TLS CA only</source>
        <translation>Solo CA de TLS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="56"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Autenticación:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="57"/>
        <source>U&amp;ser:</source>
        <translation>U&amp;suario:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="57"/>
        <source>NATS user</source>
        <translation>Usuario de NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="58"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="58"/>
        <source>NATS password</source>
        <translation>Contraseña de NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="59"/>
        <source>&amp;Token:</source>
        <translation>T&amp;oken:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="59"/>
        <source>NATS token</source>
        <translation>Token de NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="60"/>
        <source>&amp;Credentials file:</source>
        <translation>Archivo de cre&amp;denciales:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="60"/>
        <source>NATS credentials file</source>
        <translation>Archivo de credenciales de NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="61"/>
        <source>NATS credentials (*.creds);;All files (*)</source>
        <translation>Credenciales de NATS (*.creds);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="62"/>
        <source>TLS C&amp;A file:</source>
        <translation>Archivo de CA de T&amp;LS:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="62"/>
        <source>TLS CA certificates file</source>
        <translation>Archivo de certificados de CA de TLS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="63"/>
        <source>Certificates (*.pem *.crt);;All files (*)</source>
        <translation>Certificados (*.pem *.crt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="64"/>
        <source>optional; a tls:// URL also turns TLS on</source>
        <translation>opcional; una URL tls:// también activa TLS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="67"/>
        <source>Store</source>
        <translation>Almacén</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="72"/>
        <source>Store type</source>
        <translation>Tipo de almacén</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="73"/>
        <source>PostgreSQL (shared by replicas)</source>
        <translation>PostgreSQL (compartido por las réplicas)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="74"/>
        <source>SQLite file (one replica)</source>
        <translation>Archivo SQLite (una réplica)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="75"/>
        <source>T&amp;ype:</source>
        <translation>T&amp;ipo:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="76"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="76"/>
        <source>PostgreSQL host</source>
        <translation>Host de PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="79"/>
        <source>PostgreSQL port</source>
        <translation>Puerto de PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="82"/>
        <source>P&amp;ort:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="83"/>
        <source>&amp;Database:</source>
        <translation>&amp;Base de datos:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="83"/>
        <source>PostgreSQL database</source>
        <translation>Base de datos de PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="84"/>
        <source>Us&amp;er:</source>
        <translation>Usua&amp;rio:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="84"/>
        <source>PostgreSQL user</source>
        <translation>Usuario de PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="85"/>
        <source>Pass&amp;word:</source>
        <translation>Contrase&amp;ña:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="85"/>
        <source>PostgreSQL password</source>
        <translation>Contraseña de PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="86"/>
        <source>&amp;File:</source>
        <translation>Archi&amp;vo:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="86"/>
        <source>SQLite store file</source>
        <translation>Archivo del almacén SQLite</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="87"/>
        <source>SQLite store (*.sqlite *.db);;All files (*)</source>
        <translation>Almacén SQLite (*.sqlite *.db);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="90"/>
        <source>Galleries</source>
        <translation>Galerías</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="93"/>
        <source>&amp;Gallery URLs for this console only, one per line (empty: the cluster&apos;s):</source>
        <translation>URLs de &amp;galería solo para esta consola, una por línea (vacío: las del clúster):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="97"/>
        <source>Gallery URLs, one per line</source>
        <translation>URLs de galería, una por línea</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="142"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="143"/>
        <source>Browse for %1</source>
        <translation>Seleccionar %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="164"/>
        <source>saved in the keychain; type to replace</source>
        <translation>guardado en el llavero; escriba para reemplazarlo</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profile_editor.cpp" line="165"/>
        <source>asked once per session; never saved to disk</source>
        <translation>se pide una vez por sesión; nunca se guarda en disco</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfileRecord</name>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="83"/>
        <source>cannot write %1</source>
        <translation>no se puede escribir %1</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="126"/>
        <source>Name: required</source>
        <translation>Nombre: obligatorio</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="132"/>
        <source>NATS URL: required</source>
        <translation>URL de NATS: obligatoria</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="134"/>
        <source>NATS URL: </source>
        <translation>URL de NATS: </translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="136"/>
        <source>NATS user: required for user and password</source>
        <translation>Usuario de NATS: obligatorio para usuario y contraseña</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="138"/>
        <source>NATS credentials file: required</source>
        <translation>Archivo de credenciales de NATS: obligatorio</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="140"/>
        <source>TLS CA file: required</source>
        <translation>Archivo de CA de TLS: obligatorio</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="143"/>
        <source>SQLite file: required</source>
        <translation>Archivo SQLite: obligatorio</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="145"/>
        <source>SQLite file: expected an absolute path</source>
        <translation>Archivo SQLite: se esperaba una ruta absoluta</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="148"/>
        <source>PostgreSQL host: required</source>
        <translation>Host de PostgreSQL: obligatorio</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="150"/>
        <source>PostgreSQL database: required</source>
        <translation>Base de datos de PostgreSQL: obligatoria</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="152"/>
        <source>PostgreSQL user: required</source>
        <translation>Usuario de PostgreSQL: obligatorio</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="154"/>
        <source>PostgreSQL port: expected 1 to 65535</source>
        <translation>Puerto de PostgreSQL: se esperaba un valor de 1 a 65535</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="162"/>
        <source>Galleries: </source>
        <translation>Galerías: </translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="234"/>
        <source>a profile named &quot;%1&quot; already exists</source>
        <translation>ya existe un perfil llamado «%1»</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="271"/>
        <source>cannot create %1</source>
        <translation>no se puede crear %1</translation>
    </message>
    <message>
        <location filename="../ui/connection/profile_store.cpp" line="279"/>
        <location filename="../ui/connection/profile_store.cpp" line="283"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ProfilesDialog</name>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="34"/>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="41"/>
        <source>Connection profiles</source>
        <translation>Perfiles de conexión</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="38"/>
        <source>&amp;Profiles:</source>
        <translation>&amp;Perfiles:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="44"/>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="45"/>
        <source>De&amp;lete</source>
        <translation>E&amp;liminar</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="67"/>
        <source>Connection test results</source>
        <translation>Resultados de la prueba de conexión</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="76"/>
        <source>&amp;Test connection</source>
        <translation>Pro&amp;bar conexión</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="77"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="78"/>
        <source>Try the &amp;demo</source>
        <translation>Probar la &amp;demo</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="79"/>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="94"/>
        <source>Delete profile</source>
        <translation>Eliminar perfil</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="95"/>
        <source>Delete the profile &quot;%1&quot; and its saved secrets?</source>
        <translation>¿Eliminar el perfil «%1» y sus secretos guardados?</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="204"/>
        <source>Give the profile a name first.</source>
        <translation>Primero asigne un nombre al perfil.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="209"/>
        <source>Could not save the profile: %1</source>
        <translation>No se pudo guardar el perfil: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="233"/>
        <source>The secret is kept for this session only: %1</source>
        <translation>El secreto se conserva solo durante esta sesión: %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="238"/>
        <source>Saved &quot;%1&quot;.</source>
        <translation>«%1» guardado.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="259"/>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>«%1» eliminado.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="272"/>
        <source>Enter the %1 to test the connection.</source>
        <translation>Introduzca %1 para probar la conexión.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="300"/>
        <source>Enter the %1 to connect.</source>
        <translation>Introduzca %1 para conectar.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/profiles_dialog.cpp" line="304"/>
        <source>Could not write the configuration: %1</source>
        <translation>No se pudo escribir la configuración: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::ReasonText</name>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="26"/>
        <source>sha256 mismatch for %1: expected %2, got %3</source>
        <comment>sha256_mismatch</comment>
        <translation>el sha256 de %1 no coincide: se esperaba %2, se obtuvo %3</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="27"/>
        <source>archive entry escapes target directory: %1</source>
        <comment>archive_escape</comment>
        <translation>la entrada del archivo sale del directorio de destino: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="28"/>
        <source>symlink escapes target directory: %1 -&gt; %2</source>
        <comment>symlink_escape</comment>
        <translation>el enlace simbólico sale del directorio de destino: %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="29"/>
        <source>unsupported entry type: %1</source>
        <comment>archive_entry_unsupported</comment>
        <translation>tipo de entrada no admitido: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="30"/>
        <source>hard link %1 -&gt; %2 does not name an earlier regular file</source>
        <comment>archive_hardlink_invalid</comment>
        <translation>el enlace duro %1 -&gt; %2 no apunta a un archivo regular anterior</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="31"/>
        <source>invalid archive %1: %2</source>
        <comment>archive_invalid</comment>
        <translation>archivo comprimido no válido %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="32"/>
        <source>invalid archive %1: not compressed as its name says</source>
        <comment>archive_compression_mismatch</comment>
        <translation>archivo comprimido no válido %1: no está comprimido como indica su nombre</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="33"/>
        <source>archive exceeds extraction limits</source>
        <comment>archive_too_large</comment>
        <translation>el archivo comprimido supera los límites de extracción</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="34"/>
        <source>extraction failed: %1</source>
        <comment>extraction_failed</comment>
        <translation>la extracción falló: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="35"/>
        <source>download failed: %1</source>
        <comment>download_failed</comment>
        <translation>la descarga falló: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="36"/>
        <source>download failed: HTTP %1 for %2</source>
        <comment>download_http_status</comment>
        <translation>la descarga falló: HTTP %1 para %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="37"/>
        <source>download failed: artifact exceeds the size limit of %1: %2</source>
        <comment>download_too_large</comment>
        <translation>la descarga falló: el artefacto supera el límite de tamaño de %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="38"/>
        <source>download stalled: no data for %1</source>
        <comment>download_stalled</comment>
        <translation>descarga estancada: sin datos desde hace %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="39"/>
        <source>file:// path %1 is not below an allowed root</source>
        <comment>file_not_allowed</comment>
        <translation>la ruta file:// %1 no está bajo ninguna raíz permitida</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="40"/>
        <source>gallery %1 is not allowed on this node</source>
        <comment>gallery_not_allowed</comment>
        <translation>la galería %1 no está permitida en este nodo</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="41"/>
        <source>unsupported URI scheme &quot;%1&quot;</source>
        <comment>unsupported_uri_scheme</comment>
        <translation>esquema de URI no admitido «%1»</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="42"/>
        <source>invalid backend name &quot;%1&quot;</source>
        <comment>invalid_backend_name</comment>
        <translation>nombre de backend no válido «%1»</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="43"/>
        <source>backend %1 is a system backend and cannot be deleted</source>
        <comment>system_backend</comment>
        <translation>el backend %1 es un backend del sistema y no se puede eliminar</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="44"/>
        <source>cannot create %1</source>
        <comment>cannot_create</comment>
        <translation>no se puede crear %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="45"/>
        <source>commit failed: %1</source>
        <comment>commit_failed</comment>
        <translation>la confirmación falló: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="46"/>
        <source>cannot delete %1: %2</source>
        <comment>delete_failed</comment>
        <translation>no se puede eliminar %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="47"/>
        <source>cancelled by request</source>
        <comment>cancelled_by_request</comment>
        <translation>cancelado a petición</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="48"/>
        <source>node is shutting down</source>
        <comment>node_shutting_down</comment>
        <translation>el nodo se está apagando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="49"/>
        <source>internal error: %1</source>
        <comment>internal_error</comment>
        <translation>error interno: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="50"/>
        <source>%1 failed: %2</source>
        <comment>command_failed</comment>
        <translation>%1 fallida: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="51"/>
        <source>no responders from node %1</source>
        <comment>no_responders</comment>
        <translation>ninguna respuesta del nodo %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="52"/>
        <source>NATS: timeout</source>
        <comment>request_timeout</comment>
        <translation>NATS: tiempo de espera agotado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="53"/>
        <source>NATS: %1</source>
        <comment>transport_error</comment>
        <translation>error de NATS: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="54"/>
        <source>invalid reply: %1</source>
        <comment>invalid_reply</comment>
        <translation>respuesta no válida: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="55"/>
        <source>store unreachable: %1</source>
        <comment>store_unreachable</comment>
        <translation>almacén inaccesible: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="56"/>
        <source>enqueue failed: %1</source>
        <comment>enqueue_failed</comment>
        <translation>no se pudo poner en cola: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="57"/>
        <source>cancelled before contact</source>
        <comment>cancelled_before_contact</comment>
        <translation>cancelado antes de contactar</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="58"/>
        <source>cancelled</source>
        <comment>cancelled</comment>
        <translation>cancelado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="59"/>
        <source>node deleted by admin</source>
        <comment>node_deleted</comment>
        <translation>nodo eliminado por el administrador</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="61"/>
        <source>pending row taken over by another op</source>
        <comment>pending_taken_over</comment>
        <translation>entrada pendiente asumida por otra op</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="62"/>
        <source>completed before cancel took effect</source>
        <comment>completed_before_cancel</comment>
        <translation>completado antes de que la cancelación surtiera efecto</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="63"/>
        <source>deleted</source>
        <comment>deleted</comment>
        <translation>eliminado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="64"/>
        <source>installed %1</source>
        <comment>installed</comment>
        <translation>instalado %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="65"/>
        <source>installed</source>
        <comment>installed</comment>
        <translation>instalado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="66"/>
        <source>worker still busy; reconciler will confirm</source>
        <comment>worker_still_busy</comment>
        <translation>el worker sigue ocupado; el reconciler lo confirmará</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="67"/>
        <source>replica shut down; reconciler will confirm</source>
        <comment>replica_shut_down</comment>
        <translation>réplica detenida; el reconciler lo confirmará</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="69"/>
        <source>node went offline before confirming</source>
        <comment>node_offline_before_confirm</comment>
        <translation>el nodo se desconectó antes de confirmar</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="70"/>
        <source>pending op dropped: node %1</source>
        <comment>pending_dropped</comment>
        <translation>op pendiente descartada: nodo %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="71"/>
        <source>superseded by op %1</source>
        <comment>node_superseded</comment>
        <translation>sustituido por la op %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="72"/>
        <source>confirmed by listing</source>
        <comment>confirmed_by_listing</comment>
        <translation>confirmado por el listado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="73"/>
        <source>cancel sent; outcome unknown</source>
        <comment>cancel_outcome_unknown</comment>
        <translation>cancelación enviada; resultado desconocido</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="74"/>
        <source>dead-lettered after %1 attempts: %2</source>
        <comment>dead_lettered</comment>
        <translation>pasado a dead letter tras %1 intentos: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="75"/>
        <source>dead-lettered after %1 attempts</source>
        <comment>dead_lettered</comment>
        <translation>pasado a dead letter tras %1 intentos</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="76"/>
        <source>attempt %1 failed: %2</source>
        <comment>attempt_failed</comment>
        <translation>el intento %1 falló: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="77"/>
        <source>reaped</source>
        <comment>reaped_node</comment>
        <translation>depurado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="78"/>
        <source>failed</source>
        <comment>failed</comment>
        <translation>falló</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="79"/>
        <source>backend state unknown: %1</source>
        <comment>backend_state_unknown</comment>
        <translation>estado del backend desconocido: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="80"/>
        <source>no capability of meta backend %1 matches this node (%2)</source>
        <comment>meta_no_match</comment>
        <translation>ninguna capacidad del backend meta %1 corresponde a este nodo (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="81"/>
        <source>Queued</source>
        <comment>queued</comment>
        <translation>En cola</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="82"/>
        <source>processing backend: %1</source>
        <comment>processing_backend</comment>
        <translation>procesando el backend: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="83"/>
        <source>processing file: %1. Total: %2. Current: %3</source>
        <comment>processing_file</comment>
        <translation>procesando el archivo: %1. Total: %2. Actual: %3</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="85"/>
        <source>backend %1: the worker is still installing in the background; the reconciler will confirm completion (%2)</source>
        <comment>worker_still_installing</comment>
        <translation>backend %1: el worker sigue instalando en segundo plano; el reconciler confirmará que ha terminado (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="89"/>
        <source>backend %1: the worker is still deleting in the background; the reconciler will confirm completion (%2)</source>
        <comment>worker_still_deleting</comment>
        <translation>backend %1: el worker sigue eliminando en segundo plano; el reconciler confirmará que ha terminado (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="92"/>
        <source>completed</source>
        <comment>completed</comment>
        <translation>completado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="93"/>
        <source>error: %1</source>
        <comment>op_error</comment>
        <translation>fallo: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="94"/>
        <source>no eligible nodes for %1 of %2</source>
        <comment>no_eligible_nodes</comment>
        <translation>no hay nodos aptos para la %1 de %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="95"/>
        <source>no target node accepted the operation: %1</source>
        <comment>no_node_accepted</comment>
        <translation>ningún nodo de destino aceptó la operación: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="96"/>
        <source>stale operation reaped (abandoned by a crashed or restarted replica)</source>
        <comment>reaped</comment>
        <translation>operación obsoleta depurada (abandonada por una réplica que se bloqueó o se reinició)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="97"/>
        <source>superseded by %1</source>
        <comment>superseded</comment>
        <translation>sustituida por %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="60"/>
        <source>node %1; will retry when healthy</source>
        <comment>node_deferred</comment>
        <translation>nodo %1; se reintentará cuando esté en buen estado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="68"/>
        <source>not confirmed: node %1</source>
        <comment>node_left_before_confirm</comment>
        <translation>no confirmado: el nodo %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="98"/>
        <source>node %1 %2; its backends are unknown</source>
        <comment>node_backends_unknown</comment>
        <translation>el nodo %1 %2; sus backends son desconocidos</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="99"/>
        <source>backend &quot;%1&quot; is not installed on node %2</source>
        <comment>backend_not_installed</comment>
        <translation>el backend «%1» no está instalado en el nodo %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="100"/>
        <source>backend &quot;%1&quot; is not installed on any node</source>
        <comment>backend_not_installed_anywhere</comment>
        <translation>el backend «%1» no está instalado en ningún nodo</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="101"/>
        <source>unknown backend &quot;%1&quot;: not in any configured gallery</source>
        <comment>unknown_backend</comment>
        <translation>backend desconocido «%1»: no está en ninguna galería configurada</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="102"/>
        <source>meta backend %1: capability %2 names unknown backend &quot;%3&quot;</source>
        <comment>meta_capability_unknown</comment>
        <translation>backend meta %1: la capacidad %2 nombra el backend desconocido «%3»</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="104"/>
        <source>backend %1 requires GPU vendor %2; node %3 has %4</source>
        <comment>gpu_vendor_mismatch</comment>
        <translation>el backend %1 requiere el fabricante de GPU %2; el nodo %3 tiene %4</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="106"/>
        <source>unknown node &quot;%1&quot;</source>
        <comment>unknown_node</comment>
        <translation>nodo desconocido «%1»</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="107"/>
        <source>node %1 is pending approval</source>
        <comment>node_pending_approval</comment>
        <translation>el nodo %1 está pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="108"/>
        <source>node %1 is draining</source>
        <comment>node_draining</comment>
        <translation>el nodo %1 se está drenando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="109"/>
        <source>%1 of %2 is already active as op %3; wait for it or cancel it</source>
        <comment>already_active</comment>
        <translation>la %1 de %2 ya está activa como op %3; espere a que termine o cancélela</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="110"/>
        <source>operation %1 not found</source>
        <comment>op_not_found</comment>
        <translation>no se encontró la operación %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="111"/>
        <source>operation %1 is %2; only failed or cancelled operations can be retried</source>
        <comment>retry_not_allowed</comment>
        <translation>la operación %1 está %2; solo se pueden reintentar operaciones fallidas o canceladas</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="113"/>
        <source>history entry %1 not found</source>
        <comment>history_not_found</comment>
        <translation>no se encontró la entrada de historial %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="114"/>
        <source>history entry %1 (%2) cannot be retried</source>
        <comment>history_not_retryable</comment>
        <translation>la entrada de historial %1 (%2) no se puede reintentar</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="115"/>
        <source>operation %1 is already cancelled</source>
        <comment>already_cancelled</comment>
        <translation>la operación %1 ya está cancelada</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="116"/>
        <source>operation %1 already finished (%2)</source>
        <comment>already_finished</comment>
        <translation>la operación %1 ya terminó (%2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="117"/>
        <source>operation %1 cannot be cancelled while running (delete)</source>
        <comment>not_cancellable</comment>
        <translation>la operación %1 no se puede cancelar mientras se ejecuta (eliminación)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="118"/>
        <source>only failed operations can be dismissed; cancel active ones</source>
        <comment>dismiss_not_failed</comment>
        <translation>solo se pueden descartar operaciones fallidas; cancele las activas</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="119"/>
        <source>drained by admin</source>
        <comment>drained_by_admin</comment>
        <translation>drenado por el administrador</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="120"/>
        <source>deleted by admin</source>
        <comment>deleted_by_admin</comment>
        <translation>eliminado por el administrador</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="121"/>
        <source>worker shutting down</source>
        <comment>worker_shutting_down</comment>
        <translation>el worker se está apagando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="122"/>
        <source>worker stopped</source>
        <comment>worker_stopped</comment>
        <translation>worker detenido</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="123"/>
        <source>heartbeat stale</source>
        <comment>heartbeat_stale</comment>
        <translation>heartbeat obsoleto</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="124"/>
        <source>no responders on %1</source>
        <comment>no_responders_on</comment>
        <translation>ninguna respuesta en %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="125"/>
        <source>node %1 is offline (last heartbeat %2 ago)</source>
        <comment>node_offline</comment>
        <translation>el nodo %1 está sin conexión (último heartbeat hace %2)</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="126"/>
        <source>node %1 is pending approval; approve it instead</source>
        <comment>node_pending_resume</comment>
        <translation>el nodo %1 está pendiente de aprobación; apruébelo en su lugar</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="127"/>
        <source>node %1 is not pending approval</source>
        <comment>node_not_pending</comment>
        <translation>el nodo %1 no está pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="128"/>
        <source>NATS %1 unreachable, retrying</source>
        <comment>nats_unreachable</comment>
        <translation>NATS %1 inaccesible, reintentando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="129"/>
        <source>no NATS round-trip since the last flush</source>
        <comment>no_nats_round_trip</comment>
        <translation>ningún viaje de ida y vuelta de NATS desde el último vaciado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="130"/>
        <source>NATS flush failed: %1</source>
        <comment>nats_flush_failed</comment>
        <translation>el vaciado de NATS falló: %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="131"/>
        <source>no store query answered yet</source>
        <comment>no_store_query</comment>
        <translation>el almacén aún no ha respondido a ninguna consulta</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="132"/>
        <source>checking the cluster on %1</source>
        <comment>checking_cluster</comment>
        <translation>comprobando el clúster en %1</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="133"/>
        <source>store %1: %2</source>
        <comment>store_open_failed</comment>
        <translation>almacén %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="135"/>
        <source>NATS %1 already carries Fleetdeck cluster %2 (replica %3 on %4); this store belongs to cluster %5</source>
        <comment>foreign_cluster</comment>
        <translation>NATS %1 ya lleva el clúster de Fleetdeck %2 (réplica %3 en %4); este almacén pertenece al clúster %5</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="137"/>
        <source>Another replica is reconciling; nothing done</source>
        <comment>reconcile_lock_busy</comment>
        <translation>Otra réplica está conciliando; no se hizo nada</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="144"/>
        <source>install</source>
        <comment>operation kind</comment>
        <translation>instalación</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="144"/>
        <source>reinstall</source>
        <comment>operation kind</comment>
        <translation>reinstalación</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="144"/>
        <source>upgrade</source>
        <comment>operation kind</comment>
        <translation>actualización</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="145"/>
        <source>delete</source>
        <comment>operation kind</comment>
        <translation>eliminación</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="145"/>
        <source>pending</source>
        <comment>node status</comment>
        <translation>pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="145"/>
        <source>healthy</source>
        <comment>node status</comment>
        <translation>en buen estado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="146"/>
        <source>unhealthy</source>
        <comment>node status</comment>
        <translation>con problemas</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="146"/>
        <source>offline</source>
        <comment>node status</comment>
        <translation>sin conexión</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="146"/>
        <source>draining</source>
        <comment>node status</comment>
        <translation>drenando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="147"/>
        <source>deleted</source>
        <comment>node status</comment>
        <translation>eliminado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="147"/>
        <source>queued</source>
        <comment>operation state</comment>
        <translation>en cola</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="147"/>
        <source>running</source>
        <comment>operation state</comment>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="148"/>
        <source>running_on_worker</source>
        <comment>operation state</comment>
        <translation>en ejecución en el worker</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="148"/>
        <source>success</source>
        <comment>operation state</comment>
        <translation>correcta</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="148"/>
        <source>failed</source>
        <comment>operation state</comment>
        <translation>fallida</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="149"/>
        <source>cancelled</source>
        <comment>operation state</comment>
        <translation>cancelada</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="165"/>
        <source>is pending approval</source>
        <comment>node status as a predicate</comment>
        <translation>está pendiente de aprobación</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="166"/>
        <source>is healthy</source>
        <comment>node status as a predicate</comment>
        <translation>está en buen estado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="167"/>
        <source>is unhealthy</source>
        <comment>node status as a predicate</comment>
        <translation>tiene problemas</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="168"/>
        <source>is offline</source>
        <comment>node status as a predicate</comment>
        <translation>está sin conexión</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="169"/>
        <source>is draining</source>
        <comment>node status as a predicate</comment>
        <translation>se está drenando</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="170"/>
        <source>is deleted</source>
        <comment>node status as a predicate</comment>
        <translation>está eliminado</translation>
    </message>
    <message>
        <location filename="../ui/presentation/reason_text.cpp" line="175"/>
        <source>is %1</source>
        <comment>node status as a predicate, one this build does not know</comment>
        <translation>está %1</translation>
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
            <numerusform>Conciliación: %1 pendientes obsoletas eliminadas, %2 confirmadas, %3 reintentadas (%4 correctas, %5 fallidas), %6 pasadas a dead letter, %n op depurada — %7 ms</numerusform>
            <numerusform>Conciliación: %1 pendientes obsoletas eliminadas, %2 confirmadas, %3 reintentadas (%4 correctas, %5 fallidas), %6 pasadas a dead letter, %n ops depuradas — %7 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SecretCollector</name>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="62"/>
        <source>PostgreSQL password</source>
        <translation>la contraseña de PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="64"/>
        <source>NATS password</source>
        <translation>la contraseña de NATS</translation>
    </message>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="66"/>
        <source>NATS token</source>
        <translation>el token de NATS</translation>
    </message>
    <message>
        <location filename="../ui/connection/secret_collector.cpp" line="96"/>
        <source>Enter the %1 of profile &quot;%2&quot; in Connection profiles.</source>
        <translation>Introduzca %1 del perfil «%2» en Perfiles de conexión.</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SecretVault</name>
    <message>
        <location filename="../ui/connection/secret_vault.cpp" line="79"/>
        <location filename="../ui/connection/secret_vault.cpp" line="109"/>
        <source>keychain: %1</source>
        <translation>llavero: %1</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="23"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="28"/>
        <source>&lt;b&gt;Demo mode.&lt;/b&gt; These settings live in the demo&apos;s temporary store and are discarded when Fleetdeck exits.</source>
        <translation>&lt;b&gt;Modo demo.&lt;/b&gt; Estos ajustes se guardan en el almacén temporal de la demo y se descartan al salir de Fleetdeck.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="30"/>
        <source>Cluster-wide settings: stored in the cluster&apos;s store and used by every replica from the next tick of the pass they govern.</source>
        <translation>Ajustes de todo el clúster: se guardan en el almacén del clúster y cada réplica los aplica desde el siguiente ciclo de la pasada que controlan.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="51"/>
        <source>This console&apos;s connection (read-only; change it in Connection profiles)</source>
        <translation>Conexión de esta consola (solo lectura; cámbiela en Perfiles de conexión)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="60"/>
        <source>(not configured)</source>
        <translation>(sin configurar)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>S&amp;tore:</source>
        <translation>&amp;Almacén:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="61"/>
        <source>Store</source>
        <translation>Almacén</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="62"/>
        <source>NATS &amp;URL:</source>
        <translation>&amp;URL de NATS:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="62"/>
        <source>NATS URL</source>
        <translation>URL de NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="86"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="86"/>
        <source>Some settings were not saved; see the messages under them.</source>
        <translation>Algunos ajustes no se guardaron; vea los mensajes debajo de ellos.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_dialog.cpp" line="118"/>
        <source>store unreachable</source>
        <translation>almacén inaccesible</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::SettingsForm</name>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="17"/>
        <source>Heartbeat interval (s):</source>
        <translation>Intervalo de heartbeat (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="18"/>
        <source>Registration token:</source>
        <translation>Token de registro:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="19"/>
        <source>Approve new nodes automatically</source>
        <translation>Aprobar automáticamente los nodos nuevos</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="20"/>
        <source>Health monitor tick (s):</source>
        <translation>Ciclo del monitor de salud (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="21"/>
        <source>Heartbeat stale after (s):</source>
        <translation>Heartbeat obsoleto tras (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="22"/>
        <source>Reconciler tick (s):</source>
        <translation>Ciclo del reconciler (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="23"/>
        <source>Longest wait for replies in a pass (s):</source>
        <translation>Espera máxima de respuestas por pasada (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="24"/>
        <source>Retries in flight:</source>
        <translation>Reintentos simultáneos:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="25"/>
        <source>Retry backoff base (s):</source>
        <translation>Base de espera entre reintentos (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="26"/>
        <source>Retry backoff cap (s):</source>
        <translation>Límite de espera entre reintentos (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="27"/>
        <source>Dead-letter after attempts:</source>
        <translation>Dead letter tras intentos:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="28"/>
        <source>Stale pending grace (s):</source>
        <translation>Margen para pendientes obsoletas (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="29"/>
        <source>Operations at once per replica:</source>
        <translation>Operaciones simultáneas por réplica:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="30"/>
        <source>Node requests in flight per operation:</source>
        <translation>Solicitudes a nodos simultáneas por operación:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="31"/>
        <source>Executor claim poll (s):</source>
        <translation>Sondeo de reclamación del ejecutor (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="32"/>
        <source>Stale operation age (s):</source>
        <translation>Antigüedad de operación obsoleta (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="33"/>
        <source>Reaper period (s):</source>
        <translation>Periodo de depuración (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="34"/>
        <source>Keepalive of active operations (s):</source>
        <translation>Keepalive de operaciones activas (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="35"/>
        <source>Owner status coalescing (ms):</source>
        <translation>Agrupación del estado del propietario (ms):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="36"/>
        <source>Progress writes at most every (ms):</source>
        <translation>Escribir el progreso como máximo cada (ms):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="37"/>
        <source>History entries:</source>
        <translation>Entradas del historial:</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="38"/>
        <source>Retention of finished operations (s):</source>
        <translation>Retención de operaciones terminadas (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="39"/>
        <source>Status map linger (s):</source>
        <translation>Permanencia en el mapa de estado (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="40"/>
        <source>Install timeout (s):</source>
        <translation>Tiempo límite de instalación (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="41"/>
        <source>Upgrade timeout (s):</source>
        <translation>Tiempo límite de actualización (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="42"/>
        <source>List timeout (s):</source>
        <translation>Tiempo límite de listado (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="43"/>
        <source>Delete timeout (s):</source>
        <translation>Tiempo límite de eliminación (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="44"/>
        <source>Cancel timeout (s):</source>
        <translation>Tiempo límite de cancelación (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="45"/>
        <source>Payload cap (bytes):</source>
        <translation>Límite de payload (bytes):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="46"/>
        <source>Stalled after (s):</source>
        <translation>Estancado tras (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="47"/>
        <source>Connection stale after (s):</source>
        <translation>Conexión desfasada tras (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="48"/>
        <source>First check after taking the lead (s):</source>
        <translation>Primera comprobación tras asumir el liderazgo (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="49"/>
        <source>Check period (s):</source>
        <translation>Periodo de comprobación (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="50"/>
        <source>Upgrade automatically</source>
        <translation>Actualizar automáticamente</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="51"/>
        <source>Refresh period (s):</source>
        <translation>Periodo de actualización (s):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="52"/>
        <source>Galleries (the first listing a backend wins):</source>
        <translation>Galerías (prevalece la primera que lista un backend):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="56"/>
        <source>Reconciler</source>
        <translation>Reconciler</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>Operations</source>
        <translation>Operaciones</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>NATS</source>
        <translation>NATS</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="57"/>
        <source>Console</source>
        <translation>Consola</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="58"/>
        <source>Upgrades</source>
        <translation>Actualizaciones</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/setting_labels.cpp" line="58"/>
        <source>Galleries</source>
        <translation>Galerías</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="91"/>
        <source>default %1</source>
        <translation>predeterminado %1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="135"/>
        <source>Set new token…</source>
        <translation>Definir token nuevo…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="136"/>
        <source>Open registration</source>
        <translation>Abrir el registro</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="137"/>
        <source>Remove the token: any node may register (not recommended outside demo)</source>
        <translation>Quitar el token: cualquier nodo podrá registrarse (no recomendado fuera de la demo)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="143"/>
        <source>Set new registration token</source>
        <translation>Definir un token de registro nuevo</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="146"/>
        <source>Registration token</source>
        <translation>Token de registro</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="147"/>
        <source>New registration token (workers pass it with --registration-token-file):</source>
        <translation>Token de registro nuevo (los workers lo pasan con --registration-token-file):</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="166"/>
        <source>Registration opens on save (no token)</source>
        <translation>El registro se abrirá al guardar (sin token)</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="167"/>
        <source>A new token is set on save</source>
        <translation>Al guardar se definirá un token nuevo</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="169"/>
        <source>Not set: any node may register</source>
        <translation>Sin definir: cualquier nodo puede registrarse</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/settings_form.cpp" line="170"/>
        <source>Set (***)</source>
        <translation>Definido (***)</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TablePage</name>
    <message numerus="yes">
        <location filename="../ui/views/table_page.cpp" line="146"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n seleccionado</numerusform>
            <numerusform>%n seleccionados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TourBanner</name>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="22"/>
        <location filename="../ui/widgets/tour_banner.cpp" line="63"/>
        <source>Pause tour</source>
        <translation>Pausar el recorrido</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="23"/>
        <source>Stop the scripted tour from starting new steps; what runs goes on</source>
        <translation>Impide que el recorrido guiado inicie pasos nuevos; lo que está en curso continúa</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="24"/>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="25"/>
        <source>Hide the tour captions (the tour keeps playing unless paused)</source>
        <translation>Ocultar los rótulos del recorrido (el recorrido continúa salvo que se pause)</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="38"/>
        <source>Demo tour: %1</source>
        <translation>Recorrido de demostración: %1</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="45"/>
        <source>Demo tour finished. Everything on screen is live: install, upgrade, delete and watch.</source>
        <translation>Recorrido de demostración terminado. Todo lo que ve es real: instale, actualice, elimine y observe.</translation>
    </message>
    <message>
        <location filename="../ui/widgets/tour_banner.cpp" line="63"/>
        <source>Resume tour</source>
        <translation>Reanudar el recorrido</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::TrayHealth</name>
    <message>
        <location filename="../ui/tray/tray_health.cpp" line="49"/>
        <source>no nodes</source>
        <translation>sin nodos</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="51"/>
        <source>%1/%n node(s) healthy</source>
        <translation>
            <numerusform>%1/%n nodo sano</numerusform>
            <numerusform>%1/%n nodos sanos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="53"/>
        <source>%n operation(s) running</source>
        <translation>
            <numerusform>%n operación en curso</numerusform>
            <numerusform>%n operaciones en curso</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray/tray_health.cpp" line="55"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallida</numerusform>
            <numerusform>%n fallidas</numerusform>
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
        <translation>&amp;Mostrar Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/tray/tray_notifier.cpp" line="45"/>
        <source>&amp;Reconcile now</source>
        <translation>&amp;Conciliar ahora</translation>
    </message>
    <message>
        <location filename="../ui/tray/tray_notifier.cpp" line="48"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
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
        <translation>almacén inaccesible</translation>
    </message>
</context>
<context>
    <name>fleetdeck::ui::WelcomeDialog</name>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="42"/>
        <source>Welcome to Fleetdeck</source>
        <translation>Bienvenido a Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="49"/>
        <source>Fleetdeck logo</source>
        <translation>Logotipo de Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="51"/>
        <source>Fleetdeck</source>
        <translation>Fleetdeck</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="58"/>
        <source>Install, upgrade and remove inference backends on every node of your cluster, and watch each operation to its end.</source>
        <translation>Instale, actualice y elimine backends de inferencia en cada nodo de su clúster y siga cada operación hasta el final.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="63"/>
        <source>No cluster is configured yet. How do you want to start?</source>
        <translation>Todavía no hay ningún clúster configurado. ¿Cómo quiere empezar?</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="69"/>
        <source>Try the &amp;demo</source>
        <translation>Probar la &amp;demo</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="70"/>
        <source>An offline sample cluster with six nodes; nothing is saved.</source>
        <translation>Un clúster de ejemplo sin conexión con seis nodos; no se guarda nada.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="72"/>
        <source>&amp;Connect to a cluster…</source>
        <translation>&amp;Conectar a un clúster…</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="73"/>
        <source>Enter your NATS server and store, then save them as a profile.</source>
        <translation>Introduzca su servidor NATS y su almacén, y guárdelos como perfil.</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="75"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/welcome_dialog.cpp" line="77"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
</context>
</TS>
