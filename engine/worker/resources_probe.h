#pragma once
// The worker's resources (docs/worker.md#start-and-concurrency): GPU vendor and count from PCI
// display-class devices (or the --gpu-vendor override), VRAM from nvidia-smi (sampled at most every
// 60 s), RAM from the operating system, online CPUs and the free bytes of the backends directory's
// file system. Used on the worker's engine thread only.
#include <QJsonObject>
#include <QString>
#include <optional>

namespace fleetdeck {

class Clock;

struct GpuInfo {
    QString vendor = QStringLiteral("cpu"); // nvidia | amd | intel | apple | cpu
    int gpus = 0;
};

struct VramInfo {
    qint64 total = 0;
    qint64 available = 0;
};

class ResourcesProbe final {
public:
    struct Options {
        QString gpuVendorOverride; // empty = detect
        QString diskPath;          // the backends directory
        QString pciRoot = QStringLiteral("/sys/bus/pci/devices");
        QString nvidiaSmi = QStringLiteral("nvidia-smi"); // empty = VRAM unknown, nothing run
        qint64 vramSampleMs = 60'000;
    };

    ResourcesProbe(Options options, Clock *clock);

    // The `resources` object of docs/protocol.md#worker-messages: gpu_vendor, gpus, total_vram,
    // available_vram, total_ram, available_ram, cpu_cores, disk_free. VRAM is re-sampled when the
    // last sample is older than vramSampleMs (only for nvidia; 0 = unknown otherwise or when
    // nvidia-smi fails).
    QJsonObject snapshot();
    const GpuInfo &gpu() const { return m_gpu; }

    // PCI display devices (class 0x03xxxx) by vendor id; the first of nvidia, amd, intel present.
    static GpuInfo detectGpu(const QString &pciRoot, const QString &vendorOverride);
    // "memory.total, memory.free" lines in MiB, summed → bytes; nullopt when unparsable or empty.
    static std::optional<VramInfo> parseNvidiaSmi(const QByteArray &output);
    // MemTotal and MemAvailable of a /proc/meminfo text, in bytes.
    static std::pair<qint64, qint64> parseMemInfo(const QByteArray &text);

private:
    std::optional<VramInfo> runNvidiaSmi() const;

    Options m_options;
    Clock *m_clock;
    GpuInfo m_gpu;
    VramInfo m_vram;
    qint64 m_vramSampledAt = -1;
};

} // namespace fleetdeck
