#include "worker/resources_probe.h"

#include "core/clock.h"
#include "worker/worker_types.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStorageInfo>

#include <unistd.h>

namespace fleetdeck {

namespace {

QByteArray readSmallFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.read(4096).trimmed();
}

qint64 hexValue(const QByteArray &text)
{
    bool ok = false;
    const qint64 v = text.startsWith("0x") ? text.mid(2).toLongLong(&ok, 16) : text.toLongLong(&ok, 16);
    return ok ? v : -1;
}

} // namespace

ResourcesProbe::ResourcesProbe(Options options, Clock *clock) : m_options(std::move(options)), m_clock(clock)
{
    m_gpu = detectGpu(m_options.pciRoot, m_options.gpuVendorOverride);
}

GpuInfo ResourcesProbe::detectGpu(const QString &pciRoot, const QString &vendorOverride)
{
    int nvidia = 0, amd = 0, intel = 0;
    const QDir root(pciRoot);
    for (const QString &dev : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::System)) {
        const qint64 cls = hexValue(readSmallFile(root.filePath(dev + QStringLiteral("/class"))));
        if (cls < 0 || ((cls >> 16) & 0xff) != 0x03)
            continue;
        switch (hexValue(readSmallFile(root.filePath(dev + QStringLiteral("/vendor"))))) {
        case 0x10de: ++nvidia; break;
        case 0x1002: ++amd; break;
        case 0x8086: ++intel; break;
        default: break;
        }
    }
    auto countOf = [&](const QString &vendor) {
        if (vendor == QLatin1String("nvidia"))
            return nvidia;
        if (vendor == QLatin1String("amd"))
            return amd;
        if (vendor == QLatin1String("intel"))
            return intel;
        return 0;
    };
    GpuInfo info;
    if (!vendorOverride.isEmpty()) {
        info.vendor = vendorOverride;
    } else if (nvidia > 0) {
        info.vendor = QStringLiteral("nvidia");
    } else if (amd > 0) {
        info.vendor = QStringLiteral("amd");
    } else if (intel > 0) {
        info.vendor = QStringLiteral("intel");
    } else {
#if defined(Q_OS_MACOS) && defined(Q_PROCESSOR_ARM)
        info.vendor = QStringLiteral("apple");
        info.gpus = 1;
        return info;
#else
        info.vendor = QStringLiteral("cpu");
#endif
    }
    info.gpus = countOf(info.vendor);
    return info;
}

std::optional<VramInfo> ResourcesProbe::parseNvidiaSmi(const QByteArray &output)
{
    VramInfo v;
    int gpus = 0;
    for (const QByteArray &raw : output.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> parts = line.split(',');
        if (parts.size() != 2)
            return std::nullopt;
        bool okTotal = false, okFree = false;
        const qint64 total = parts[0].trimmed().toLongLong(&okTotal);
        const qint64 free = parts[1].trimmed().toLongLong(&okFree);
        if (!okTotal || !okFree || total < 0 || free < 0)
            return std::nullopt;
        v.total += total * 1024 * 1024;
        v.available += free * 1024 * 1024;
        ++gpus;
    }
    if (gpus == 0)
        return std::nullopt;
    return v;
}

std::pair<qint64, qint64> ResourcesProbe::parseMemInfo(const QByteArray &text)
{
    qint64 total = 0, available = 0;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() < 2)
            continue;
        const qint64 kb = parts[1].toLongLong();
        if (parts[0] == "MemTotal:")
            total = kb * 1024;
        else if (parts[0] == "MemAvailable:")
            available = kb * 1024;
    }
    return {total, available};
}

std::optional<VramInfo> ResourcesProbe::runNvidiaSmi() const
{
    if (m_options.nvidiaSmi.isEmpty()) // the demo's simulated nodes run no program
        return std::nullopt;
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(m_options.nvidiaSmi, {QStringLiteral("--query-gpu=memory.total,memory.free"),
                                  QStringLiteral("--format=csv,noheader,nounits")});
    if (!p.waitForStarted(2000))
        return std::nullopt;
    if (!p.waitForFinished(3000)) {
        p.kill();
        p.waitForFinished(1000);
        qCWarning(lcWorker, "nvidia-smi did not answer within 3 s; VRAM unknown");
        return std::nullopt;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return std::nullopt;
    return parseNvidiaSmi(p.readAllStandardOutput());
}

QJsonObject ResourcesProbe::snapshot()
{
    const qint64 now = m_clock->nowMs();
    if (m_gpu.vendor == QLatin1String("nvidia")
        && (m_vramSampledAt < 0 || now - m_vramSampledAt >= m_options.vramSampleMs)) {
        m_vramSampledAt = now;
        m_vram = runNvidiaSmi().value_or(VramInfo{});
    }
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    std::pair<qint64, qint64> ram{0, 0};
    if (meminfo.open(QIODevice::ReadOnly))
        ram = parseMemInfo(meminfo.readAll());
    const long cpus = ::sysconf(_SC_NPROCESSORS_ONLN);
    const QStorageInfo disk(m_options.diskPath);
    return QJsonObject{{QStringLiteral("gpu_vendor"), m_gpu.vendor},
                       {QStringLiteral("gpus"), m_gpu.gpus},
                       {QStringLiteral("total_vram"), m_vram.total},
                       {QStringLiteral("available_vram"), m_vram.available},
                       {QStringLiteral("total_ram"), ram.first},
                       {QStringLiteral("available_ram"), ram.second},
                       {QStringLiteral("cpu_cores"), cpus > 0 ? int(cpus) : 1},
                       {QStringLiteral("disk_free"), disk.isValid() ? disk.bytesAvailable() : qint64(0)}};
}

} // namespace fleetdeck
