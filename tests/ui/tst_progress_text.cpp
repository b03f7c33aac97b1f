// Every word on screen in the admin's language (issue #15 items 1 and 3): under German and Spanish
// the operations bar, its node rows, the backend card and the Manage row compose an op's progress
// from its fields (file, bytes, the node rows' phases) with the locale's number format and
// translated words; the engine's English message is only in the tooltip and the details role
// ("Copy details"). The demo tour's captions come from the catalogue too.
#include "models/backends_model.h"
#include "models/manage_model.h"
#include "models/ops_model.h"
#include "node_row_fixture.h"
#include "presentation/progress_text.h"
#include "scoped_language.h"
#include "theme/theme.h"

#include <QLocale>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::ui;

namespace {
constexpr qint64 kNow = 1'767'225'600'000;
constexpr qint64 kStalledMs = 60'000;
const QString kRawMessage = QStringLiteral("processing file: llama.tar.zst. Total: 1.2 GiB. Current: 512.0 MiB");

using Language = test::ScopedLanguage;

NodeProgress row(const QString &name, NodeRowStatus status, int pct)
{
    return test::nodeRow(name, status, pct, kNow);
}

Operation running(const QString &backend, OpKind kind)
{
    Operation o;
    o.id = QStringLiteral("op-") + backend;
    o.backend = backend;
    o.kind = kind;
    o.state = OpState::Running;
    o.createdAt = o.updatedAt = o.progressAt = kNow;
    o.message = QStringLiteral("processing backend: ") + backend;
    return o;
}

// An upgrade downloading on one node and extracting on another; the engine's English message beside.
Operation downloading()
{
    Operation o = running(QStringLiteral("llama-cpp-cuda12"), OpKind::Upgrade);
    o.progress = 37;
    o.fileName = QStringLiteral("llama.tar.zst");
    o.currentBytes = 536870912;
    o.totalBytes = 1288490189;
    o.message = kRawMessage;
    NodeProgress a = row(QStringLiteral("gpu-a100-1"), NodeRowStatus::Downloading, 42);
    a.fileName = o.fileName;
    a.currentBytes = o.currentBytes;
    a.totalBytes = o.totalBytes;
    o.nodes = {a, row(QStringLiteral("gpu-a100-2"), NodeRowStatus::Extracting, 90)};
    return o;
}
} // namespace

class TstProgressText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Theme::instance().apply(Theme::Mode::Light); }

    void lines_in_the_admins_language_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("bar");         // the op's line in the operations bar
        QTest::addColumn<QString>("card");        // the card's state and its tooltip
        QTest::addColumn<QString>("cardTip");
        QTest::addColumn<QString>("node");        // a node row as read aloud
        QTest::addColumn<QString>("nodeBytes");
        QTest::addColumn<QString>("phases");      // an op without a download: what its rows do
        QTest::addColumn<QString>("busy");        // a worker-busy line
        QTest::addColumn<QString>("busyRow");     // its node row's text
        QTest::addColumn<QString>("caption");     // a demo tour caption
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringLiteral("Upgrade: Backend llama-cpp-cuda12 (llama.tar.zst · 512,0 MiB von 1,2 GiB)")
                            << QStringLiteral("Upgrade 37 %") << QStringLiteral("llama.tar.zst · 512,0 MiB von 1,2 GiB")
                            << QStringLiteral("gpu-a100-1: Wird heruntergeladen, 42 %") << QStringLiteral("512,0 MiB von 1,2 GiB")
                            << QStringLiteral("Installation: Backend vllm (Wird geprüft auf 2 Nodes, Wird entpackt auf gpu-a100-1)")
                            << QStringLiteral("Installation: Backend vllm · Worker belegt (der Worker auf jetson-orin installiert noch; "
                                              "der Reconciler bestätigt das Ergebnis)")
                            << QStringLiteral("der Worker installiert noch; der Reconciler bestätigt das Ergebnis")
                            << QStringLiteral("bark wird auf gpu-a100-2 installiert.");
        QTest::newRow("es") << QStringLiteral("es")
                            << QStringLiteral("Actualizando backend: llama-cpp-cuda12 (llama.tar.zst · 512,0 MiB de 1,2 GiB)")
                            << QStringLiteral("Actualiz. 37 %") << QStringLiteral("llama.tar.zst · 512,0 MiB de 1,2 GiB")
                            << QStringLiteral("gpu-a100-1: Descargando, 42 %") << QStringLiteral("512,0 MiB de 1,2 GiB")
                            << QStringLiteral("Instalando backend: vllm (Verificando en 2 nodos, Extrayendo en gpu-a100-1)")
                            << QStringLiteral("Instalando backend: vllm · Worker ocupado (el worker de jetson-orin sigue instalando; "
                                              "el reconciler lo confirmará)")
                            << QStringLiteral("el worker sigue instalando; el reconciler lo confirmará")
                            << QStringLiteral("Instalando bark en gpu-a100-2.");
    }
    void lines_in_the_admins_language()
    {
        QFETCH(QString, lang);
        const Language language(lang);
        QVERIFY2(language.loaded(), qPrintable(lang));

        // The operations bar: composed line; the English message only as tooltip and details.
        const Operation op = downloading();
        OpsModel bar;
        bar.setOps({op}, kNow, kStalledMs, true);
        const QModelIndex line = bar.index(0, 0);
        QTEST(line.data().toString(), "bar");
        const QString nodes = line.data(OpsModel::OpLineRole).value<OpLine>().nodesLabel;
        QCOMPARE(line.data(Qt::AccessibleTextRole).toString(), line.data().toString() + QStringLiteral(", 37 %, ") + nodes);
        for (int role : {int(Qt::DisplayRole), int(Qt::AccessibleTextRole)})
            QVERIFY2(!line.data(role).toString().contains(QStringLiteral("processing")), qPrintable(line.data(role).toString()));
        QCOMPARE(line.data(Qt::ToolTipRole).toString(), kRawMessage);
        QVERIFY(line.data(OpsModel::DetailsRole).toString().startsWith(kRawMessage));
        const QModelIndex node = bar.index(0, 0, line);
        QTEST(node.data(Qt::AccessibleTextRole).toString(), "node");
        QTEST(node.data(OpsModel::NodeLineRole).value<NodeLine>().bytes, "nodeBytes");

        // The card and the Manage row show the same composed detail.
        GalleryEntry entry;
        entry.name = op.backend;
        BackendsModel cards;
        cards.setGallery({entry});
        cards.setOps({op}, kNow, kStalledMs, true);
        const CardState card = cards.index(0).data(BackendsModel::RowRole).value<BackendRow>().state;
        QTEST(card.text, "card");
        QTEST(card.tooltip, "cardTip");
        BackendUpgrade installed;
        installed.name = op.backend;
        installed.nodeCount = 2;
        ManageModel manage;
        UpgradesResult upgrades;
        upgrades.checkedAt = kNow;
        upgrades.backends = {installed};
        manage.setUpgrades(upgrades, kNow);
        manage.setOps({op}, kNow, kStalledMs);
        QCOMPARE(manage.index(0, ManageModel::StateColumn).data(Qt::ToolTipRole).toString(), card.tooltip);

        // No download: what the rows do, counted per phase in the worker's order.
        Operation phases = running(QStringLiteral("vllm"), OpKind::Install);
        phases.nodes = {row(QStringLiteral("gpu-a100-1"), NodeRowStatus::Extracting, 95), row(QStringLiteral("gpu-a100-2"), NodeRowStatus::Verifying, 80),
                        row(QStringLiteral("gpu-a100-3"), NodeRowStatus::Verifying, 80)};
        QTEST(opLine(phases, kNow, kStalledMs, true).text, "phases");

        // Worker busy: the nodes named in the admin's words; the engine's sentences as details.
        Operation busy = running(QStringLiteral("vllm"), OpKind::Install);
        busy.state = OpState::RunningOnWorker;
        busy.message = QStringLiteral("backend vllm: worker still installing in background; reconciler will confirm completion (jetson-orin)");
        NodeProgress jetson = row(QStringLiteral("jetson-orin"), NodeRowStatus::RunningOnWorker, 0);
        jetson.message = QStringLiteral("worker still busy; reconciler will confirm");
        busy.nodes = {jetson};
        OpsModel busyBar;
        busyBar.setOps({busy}, kNow, kStalledMs, true);
        QTEST(busyBar.index(0, 0).data().toString(), "busy");
        QCOMPARE(busyBar.index(0, 0).data(Qt::ToolTipRole).toString(), busy.message);
        const QModelIndex busyRow = busyBar.index(0, 0, busyBar.index(0, 0));
        QTEST(busyRow.data(OpsModel::NodeLineRole).value<NodeLine>().error, "busyRow");
        QVERIFY(!busyRow.data(Qt::AccessibleTextRole).toString().contains(jetson.message));
        QVERIFY(busyRow.data(Qt::ToolTipRole).toString().contains(jetson.message));
        QCOMPARE(busyRow.data(OpsModel::DetailsRole).toString(), jetson.message);

        // The demo tour's captions are extracted from engine/demo and translated.
        QTEST(QCoreApplication::translate("fleetdeck::DemoTour", "Installing bark on gpu-a100-2."), "caption");
    }

    void english_keeps_its_words()
    {
        const Language language(QStringLiteral("en"));
        const Operation op = downloading();
        QCOMPARE(opLine(op, kNow, kStalledMs, true).text,
                 QStringLiteral("Upgrading backend: llama-cpp-cuda12 (llama.tar.zst · 512.0 MiB of 1.2 GiB)"));
        QCOMPARE(percentText(100), QStringLiteral("100 %"));
        Operation phases = running(QStringLiteral("vllm"), OpKind::Install);
        phases.nodes = {row(QStringLiteral("gpu-a100-1"), NodeRowStatus::Verifying, 80)};
        QCOMPARE(opProgressText(phases), QStringLiteral("Verifying on gpu-a100-1"));
        phases.nodes.append(row(QStringLiteral("gpu-a100-2"), NodeRowStatus::Verifying, 80));
        QCOMPARE(opProgressText(phases), QStringLiteral("Verifying on 2 nodes"));
        // A node-scoped op's headline names its node; nothing else to say before the first tick.
        phases.targetNodeId = QStringLiteral("gpu-a100-1-id");
        phases.nodes = {row(QStringLiteral("gpu-a100-1"), NodeRowStatus::Queued, 0)};
        QCOMPARE(opProgressText(phases), QString());
        QCOMPARE(opDetails(op), kRawMessage);
    }
};

QTEST_MAIN(TstProgressText)
#include "tst_progress_text.moc"
