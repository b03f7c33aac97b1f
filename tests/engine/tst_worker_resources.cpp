// The worker's resources (SPEC §7.1): GPU vendor and count from a PCI tree, the --gpu-vendor
// override, nvidia-smi parsing and sampling at most every 60 s, /proc/meminfo parsing.
#include "core/clock.h"
#include "worker/resources_probe.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fleetdeck;

namespace {

void pciDevice(const QString &root, const QString &dev, const char *cls, const char *vendor)
{
    QDir(root).mkpath(dev);
    QFile c(root + QLatin1Char('/') + dev + QStringLiteral("/class"));
    c.open(QIODevice::WriteOnly);
    c.write(QByteArray(cls) + '\n');
    QFile v(root + QLatin1Char('/') + dev + QStringLiteral("/vendor"));
    v.open(QIODevice::WriteOnly);
    v.write(QByteArray(vendor) + '\n');
}

} // namespace

class TestWorkerResources : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gpu_from_pci_display_devices()
    {
        QTemporaryDir pci;
        pciDevice(pci.path(), QStringLiteral("0000:00:02.0"), "0x030000", "0x8086"); // intel VGA
        pciDevice(pci.path(), QStringLiteral("0000:00:1f.0"), "0x060100", "0x10de"); // not display
        QCOMPARE(ResourcesProbe::detectGpu(pci.path(), {}).vendor, QStringLiteral("intel"));
        pciDevice(pci.path(), QStringLiteral("0000:03:00.0"), "0x030200", "0x1002"); // amd 3D
        QCOMPARE(ResourcesProbe::detectGpu(pci.path(), {}).vendor, QStringLiteral("amd"));
        pciDevice(pci.path(), QStringLiteral("0000:41:00.0"), "0x030200", "0x10de");
        pciDevice(pci.path(), QStringLiteral("0000:81:00.0"), "0x030000", "0x10de");
        const GpuInfo nvidia = ResourcesProbe::detectGpu(pci.path(), {});
        QCOMPARE(nvidia.vendor, QStringLiteral("nvidia"));
        QCOMPARE(nvidia.gpus, 2);
        const GpuInfo forced = ResourcesProbe::detectGpu(pci.path(), QStringLiteral("amd"));
        QCOMPARE(forced.vendor, QStringLiteral("amd"));
        QCOMPARE(forced.gpus, 1);
        QCOMPARE(ResourcesProbe::detectGpu(pci.path(), QStringLiteral("cpu")).gpus, 0);
        QTemporaryDir empty;
#if !(defined(Q_OS_MACOS) && defined(Q_PROCESSOR_ARM))
        QCOMPARE(ResourcesProbe::detectGpu(empty.path(), {}).vendor, QStringLiteral("cpu"));
#endif
    }

    void nvidia_smi_and_meminfo_parsing()
    {
        const auto two = ResourcesProbe::parseNvidiaSmi("40960, 40000\n40960, 39000\n");
        QVERIFY(two);
        QCOMPARE(two->total, qint64(81920) * 1024 * 1024);
        QCOMPARE(two->available, qint64(79000) * 1024 * 1024);
        QVERIFY(!ResourcesProbe::parseNvidiaSmi(""));
        QVERIFY(!ResourcesProbe::parseNvidiaSmi("NVIDIA-SMI has failed\n"));
        QVERIFY(!ResourcesProbe::parseNvidiaSmi("[N/A], [N/A]\n"));
        const auto mem = ResourcesProbe::parseMemInfo("MemTotal:       16314056 kB\nMemFree:  1 kB\nMemAvailable:   12000000 kB\n");
        QCOMPARE(mem.first, qint64(16314056) * 1024);
        QCOMPARE(mem.second, qint64(12000000) * 1024);
    }

    // VRAM comes from nvidia-smi (a script here), sampled at most every 60 s; a failing tool = 0.
    void vram_sampled_at_most_every_60s()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("nvidia-smi"));
        const QString counter = dir.filePath(QStringLiteral("calls"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#!/bin/sh\necho x >> '" + counter.toUtf8() + "'\necho '1024, 512'\n");
        f.close();
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        ManualClock clock;
        ResourcesProbe::Options o;
        o.gpuVendorOverride = QStringLiteral("nvidia");
        o.diskPath = dir.path();
        o.nvidiaSmi = script;
        ResourcesProbe probe(o, &clock);
        auto calls = [&]() {
            QFile c(counter);
            return c.open(QIODevice::ReadOnly) ? int(c.readAll().count('x')) : 0;
        };
        const QJsonObject r = probe.snapshot();
        QCOMPARE(r.value(QStringLiteral("total_vram")).toInteger(), qint64(1024) << 20);
        QCOMPARE(r.value(QStringLiteral("available_vram")).toInteger(), qint64(512) << 20);
        QVERIFY(r.value(QStringLiteral("disk_free")).toInteger() > 0);
        probe.snapshot();
        clock.advanceMs(59999);
        probe.snapshot();
        QCOMPARE(calls(), 1);
        clock.advanceMs(1);
        probe.snapshot();
        QCOMPARE(calls(), 2);

        o.nvidiaSmi = dir.filePath(QStringLiteral("missing"));
        ResourcesProbe broken(o, &clock);
        QCOMPARE(broken.snapshot().value(QStringLiteral("total_vram")).toInteger(), 0);
        o.gpuVendorOverride = QStringLiteral("cpu");
        o.nvidiaSmi = script;
        ResourcesProbe cpu(o, &clock);
        QCOMPARE(cpu.snapshot().value(QStringLiteral("total_vram")).toInteger(), 0);
        QCOMPARE(calls(), 2); // not run for other vendors
    }
};

QTEST_GUILESS_MAIN(TestWorkerResources)
#include "tst_worker_resources.moc"
