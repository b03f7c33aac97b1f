// A second process for A49: loops over ctl's admission and cancel code against one SQLite file.
// Usage: fleetdeck_test_ctl_writer <sqlite-path> <iterations>. Exit 0 and "ok <n>" when every
// admission and cancel succeeded; 1 with the first error on stderr otherwise.
#include "bus/local_bus.h"
#include "ops/operation_service.h"
#include "store/store_thread.h"
#include "test_replica.h"
#include "test_util.h"

#include <QCoreApplication>
#include <cstdio>

using namespace fleetdeck;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: fleetdeck_test_ctl_writer <sqlite-path> <iterations>\n");
        return 2;
    }
    StoreConfig cfg;
    cfg.driver = StoreConfig::Driver::Sqlite;
    cfg.path = args.at(1);
    const int iterations = args.at(2).toInt();
    LocalBus bus(SystemClock::instance());
    GalleryCatalog catalog;
    catalog.setIndexes({test::testGallery()});
    StoreThread store(cfg, SystemClock::instance(), QStringLiteral("ctl-writer"));
    if (const Status st = store.start(); !st) {
        std::fprintf(stderr, "store: %s\n", qPrintable(st.error()));
        return 1;
    }
    OperationService::Deps deps;
    deps.store = &store;
    deps.bus = &bus;
    deps.clock = SystemClock::instance();
    deps.catalog = &catalog;
    deps.identity = ReplicaIdentity::create(QStringLiteral("ctl"));
    OperationService ops(deps);
    if (const Status st = test::await(ops.start()); !st) {
        std::fprintf(stderr, "start: %s\n", qPrintable(st.error()));
        return 1;
    }
    for (int i = 0; i < iterations; ++i) {
        AdmitRequest req;
        req.kind = OpKind::Install;
        req.backend = QStringLiteral("bark");
        const auto a = test::await(ops.admit(req), 60000);
        if (!a) {
            std::fprintf(stderr, "admission %d: %s\n", i, qPrintable(a.error()));
            return 1;
        }
        const auto c = test::await(ops.cancel(a->opId), 60000);
        if (!c) {
            std::fprintf(stderr, "cancel %d: %s\n", i, qPrintable(c.error()));
            return 1;
        }
    }
    test::await(ops.stop());
    store.stop();
    std::printf("ok %d\n", iterations);
    return 0;
}
