#include "demo/demo_artifacts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUrl>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace fleetdeck {
namespace {

struct WriteFree {
    void operator()(struct archive *a) const { archive_write_free(a); }
};
struct EntryFree {
    void operator()(struct archive_entry *e) const { archive_entry_free(e); }
};

bool addEntry(struct archive *a, const QString &path, mode_t type, int perm, const QByteArray &data = {})
{
    std::unique_ptr<struct archive_entry, EntryFree> e(archive_entry_new());
    archive_entry_set_pathname_utf8(e.get(), path.toUtf8().constData());
    archive_entry_set_filetype(e.get(), type);
    archive_entry_set_perm(e.get(), perm);
    archive_entry_set_size(e.get(), type == AE_IFREG ? data.size() : 0);
    archive_entry_set_mtime(e.get(), 1767225600, 0);
    if (archive_write_header(a, e.get()) != ARCHIVE_OK)
        return false;
    return data.isEmpty() || archive_write_data(a, data.constData(), size_t(data.size())) == data.size();
}

// Incompressible and reproducible: the same name and version always give the same bytes.
QByteArray payload(const QString &seed, qint64 bytes)
{
    QByteArray out(bytes, Qt::Uninitialized);
    QRandomGenerator gen(quint32(qHash(seed)));
    gen.fillRange(reinterpret_cast<quint32 *>(out.data()), bytes / qint64(sizeof(quint32)));
    return out;
}

QJsonObject entry(const DemoArtifact &a, const QString &description, const QStringList &tags)
{
    return QJsonObject{{QStringLiteral("name"), a.name},
                       {QStringLiteral("version"), a.version},
                       {QStringLiteral("uri"), a.uri},
                       {QStringLiteral("sha256"), a.sha256},
                       {QStringLiteral("size"), a.size},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                       {QStringLiteral("license"), QStringLiteral("MIT")}};
}

struct Spec {
    const char *name;
    const char *version;
};
// Gallery builds, then the two older llama-cpp-cuda12 builds that are pre-installed.
constexpr Spec kSpecs[] = {{"llama-cpp-cuda12", "b4120"}, {"llama-cpp-cpu", "b4120"},   {"whisper", "1.7.2"},
                           {"piper", "1.2.0"},            {"vllm", "0.6.3"},             {"vllm-development", "0.7.0.dev"},
                           {"bark", "0.1.5"},             {"llama-cpp-cuda12", "b4100"}, {"llama-cpp-cuda12", "b4050"}};

} // namespace

DemoArtifacts::DemoArtifacts(QString dir, qint64 payloadBytes) : m_dir(std::move(dir)), m_payloadBytes(payloadBytes) {}

QString DemoArtifacts::galleryPath() const
{
    return m_dir + QStringLiteral("/gallery.json");
}

QString DemoArtifacts::galleryUrl() const
{
    return QUrl::fromLocalFile(galleryPath()).toString();
}

QString DemoArtifacts::piperWrongSha256()
{
    return QString::fromLatin1(QCryptographicHash::hash("piper 1.2.0 as the gallery remembers it", QCryptographicHash::Sha256).toHex());
}

const DemoArtifact *DemoArtifacts::find(const QString &name, const QString &version) const
{
    for (const DemoArtifact &a : m_artifacts)
        if (a.name == name && a.version == version)
            return &a;
    return nullptr;
}

Status DemoArtifacts::write()
{
    m_artifacts.clear();
    if (!QDir().mkpath(m_dir + QStringLiteral("/artifacts")))
        return Status::failure(QStringLiteral("demo: cannot create %1/artifacts").arg(m_dir));
    for (const Spec &s : kSpecs) {
        auto a = writeArchive(QLatin1String(s.name), QLatin1String(s.version));
        if (!a)
            return Status::failure(a.error());
        m_artifacts.append(a.value());
    }
    QFile f(galleryPath());
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(galleryJson()) < 0 || !f.flush())
        return Status::failure(QStringLiteral("demo: cannot write %1: %2").arg(galleryPath(), f.errorString()));
    return okStatus();
}

Result<DemoArtifact> DemoArtifacts::writeArchive(const QString &name, const QString &version) const
{
    using R = Result<DemoArtifact>;
    DemoArtifact a;
    a.name = name;
    a.version = version;
    a.path = m_dir + QStringLiteral("/artifacts/") + name + QLatin1Char('-') + version + QStringLiteral(".tar.gz");
    a.uri = QUrl::fromLocalFile(a.path).toString();
    std::unique_ptr<struct archive, WriteFree> ar(archive_write_new());
    archive_write_add_filter_gzip(ar.get());
    archive_write_set_filter_option(ar.get(), "gzip", "compression-level", "0"); // stored: the payload is random anyway
    archive_write_set_format_pax_restricted(ar.get());
    if (archive_write_open_filename(ar.get(), QFile::encodeName(a.path).constData()) != ARCHIVE_OK)
        return R::failure(QStringLiteral("demo: cannot write %1: %2").arg(a.path, QString::fromUtf8(archive_error_string(ar.get()))));
    // One top-level directory, as release archives have: the worker makes its content the tree.
    const QString top = name + QLatin1Char('-') + version + QLatin1Char('/');
    const QByteArray script = "#!/bin/sh\necho \"" + name.toUtf8() + " " + version.toUtf8() + " (Fleetdeck demo build)\"\n";
    const QByteArray readme = "# " + name.toUtf8() + " " + version.toUtf8() + "\n\nA demo build: it runs nothing.\n";
    const bool ok = addEntry(ar.get(), top, AE_IFDIR, 0755) && addEntry(ar.get(), top + QStringLiteral("bin/"), AE_IFDIR, 0755)
                    && addEntry(ar.get(), top + QStringLiteral("bin/") + name, AE_IFREG, 0755, script)
                    && addEntry(ar.get(), top + QStringLiteral("README.md"), AE_IFREG, 0644, readme)
                    && addEntry(ar.get(), top + QStringLiteral("lib/"), AE_IFDIR, 0755)
                    && addEntry(ar.get(), top + QStringLiteral("lib/lib") + name + QStringLiteral(".so"), AE_IFREG, 0644,
                                payload(name + version, m_payloadBytes));
    if (!ok || archive_write_close(ar.get()) != ARCHIVE_OK)
        return R::failure(QStringLiteral("demo: cannot write %1: %2").arg(a.path, QString::fromUtf8(archive_error_string(ar.get()))));
    QFile f(a.path);
    if (!f.open(QIODevice::ReadOnly))
        return R::failure(QStringLiteral("demo: cannot read %1: %2").arg(a.path, f.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&f);
    a.sha256 = QString::fromLatin1(hash.result().toHex());
    a.size = f.size();
    return a;
}

QByteArray DemoArtifacts::galleryJson() const
{
    auto at = [this](const char *name, const char *version) { return *find(QLatin1String(name), QLatin1String(version)); };
    QJsonObject cuda = entry(at("llama-cpp-cuda12", "b4120"), QStringLiteral("llama.cpp for CUDA 12"), {QStringLiteral("llm"), QStringLiteral("gpu")});
    cuda.insert(QStringLiteral("requires"), QJsonObject{{QStringLiteral("gpu_vendor"), QJsonArray{QStringLiteral("nvidia")}}});
    QJsonObject piper = entry(at("piper", "1.2.0"), QStringLiteral("Fast local text to speech (its artifact never matches its sha256)"),
                              {QStringLiteral("tts")});
    piper.insert(QStringLiteral("sha256"), piperWrongSha256());
    const QJsonObject meta{{QStringLiteral("name"), QStringLiteral("llama-cpp")},
                           {QStringLiteral("description"), QStringLiteral("llama.cpp, build chosen per node")},
                           {QStringLiteral("tags"), QJsonArray{QStringLiteral("llm")}},
                           {QStringLiteral("license"), QStringLiteral("MIT")},
                           {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("nvidia"), QStringLiteral("llama-cpp-cuda12")},
                                                                        {QStringLiteral("default"), QStringLiteral("llama-cpp-cpu")}}}};
    const QJsonArray backends{
        meta,
        cuda,
        entry(at("llama-cpp-cpu", "b4120"), QStringLiteral("llama.cpp for CPUs"), {QStringLiteral("llm")}),
        entry(at("whisper", "1.7.2"), QStringLiteral("Speech recognition"), {QStringLiteral("asr")}),
        piper,
        entry(at("vllm", "0.6.3"), QStringLiteral("High-throughput LLM serving"), {QStringLiteral("llm"), QStringLiteral("gpu")}),
        entry(at("vllm-development", "0.7.0.dev"), QStringLiteral("vLLM development build"), {QStringLiteral("llm"), QStringLiteral("gpu")}),
        entry(at("bark", "0.1.5"), QStringLiteral("Text-prompted audio generation"), {QStringLiteral("tts")}),
    };
    const QJsonObject index{{QStringLiteral("fleetdeck_gallery"), 1}, {QStringLiteral("name"), QStringLiteral("demo")},
                            {QStringLiteral("backends"), backends}};
    return QJsonDocument(index).toJson(QJsonDocument::Indented);
}

} // namespace fleetdeck
