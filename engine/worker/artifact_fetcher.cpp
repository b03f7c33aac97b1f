#include "worker/artifact_fetcher.h"

#include "worker/worker_types.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>
#include <memory>

namespace fleetdeck {
namespace {

constexpr qint64 kChunk = 1 << 20;
constexpr qint64 kReadBuffer = 4 << 20;
constexpr int kWatchdogMs = 100;

bool aborted(const std::atomic<bool> *abort)
{
    return abort && abort->load(std::memory_order_acquire);
}

FetchResult failed(const Reason &error)
{
    return failedStep<FetchResult>(error);
}

// "download failed: <detail>"
Reason downloadFailed(const QString &detail)
{
    return Reason::make("download_failed", {{"detail", detail}});
}

Reason httpStatusReason(int status, const QString &uri)
{
    return Reason::make("download_http_status", {{"status", status}, {"uri", uri}});
}

FetchResult cancelledResult()
{
    return cancelledStep<FetchResult>();
}

Reason tooLarge(const QString &uri, qint64 max)
{
    return Reason::make("download_too_large", {{"limit", max}, {"uri", uri}});
}

Reason cannotWrite(const QString &path, const QString &why)
{
    return downloadFailed(QStringLiteral("cannot write %1: %2").arg(path, why));
}

} // namespace

ArtifactFetcher::ArtifactFetcher(FetchOptions options) : m_options(std::move(options)) {}

Reason ArtifactFetcher::stallReason(qint64 stallMs)
{
    return Reason::make("download_stalled", {{"stall_ms", stallMs}});
}

Status ArtifactFetcher::checkFileRoot(const QString &localPath, const QStringList &roots)
{
    const QFileInfo fi(localPath);
    QString resolved = fi.canonicalFilePath();
    if (resolved.isEmpty()) // missing file: judge the lexical path; opening it fails later
        resolved = QDir::cleanPath(fi.absoluteFilePath());
    for (const QString &root : roots) {
        const QString r = QFileInfo(root).canonicalFilePath();
        if (r.isEmpty())
            continue;
        const QString prefix = r.endsWith(QLatin1Char('/')) ? r : r + QLatin1Char('/');
        if (resolved.startsWith(prefix))
            return okStatus();
    }
    return Status::failure(Reason::make("file_not_allowed", {{"path", localPath}}));
}

FetchResult ArtifactFetcher::fetch(const QString &uri, const QString &targetPath, const std::atomic<bool> *abort,
                                   const ProgressFn &progress) const
{
    const QString scheme = QUrl(uri).scheme().toLower();
    if (scheme == QLatin1String("file"))
        return fetchFile(uri, targetPath, abort, progress);
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return fetchHttp(uri, targetPath, abort, progress);
    return failed(Reason::make("unsupported_uri_scheme", {{"scheme", scheme}}));
}

FetchResult ArtifactFetcher::fetchFile(const QString &uri, const QString &targetPath,
                                       const std::atomic<bool> *abort, const ProgressFn &progress) const
{
    const QString path = QUrl(uri).toLocalFile();
    if (const Status st = checkFileRoot(path, m_options.allowedFileRoots); !st)
        return failed(st.errorReason());
    QFile in(path);
    if (!QFileInfo(path).isFile() || !in.open(QIODevice::ReadOnly))
        return failed(downloadFailed(QStringLiteral("cannot open %1: %2")
                                         .arg(path, QFileInfo::exists(path) ? in.errorString() : QStringLiteral("no such file"))));
    const qint64 total = in.size();
    if (total > m_options.maxBytes)
        return failed(tooLarge(uri, m_options.maxBytes));
    QFile out(targetPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failed(cannotWrite(targetPath, out.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    qint64 done = 0;
    const FetchOptions::FileThrottle throttle = m_options.fileThrottle ? m_options.fileThrottle(uri) : FetchOptions::FileThrottle();
    const qint64 chunkBytes = m_options.fileChunkBytes > 0 ? m_options.fileChunkBytes : kChunk;
    if (progress)
        progress(0, total);
    for (;;) {
        if (aborted(abort))
            return cancelledResult();
        if (throttle && !throttle(done, total, abort))
            return cancelledResult();
        const QByteArray chunk = in.read(chunkBytes);
        if (chunk.isEmpty()) {
            if (in.error() != QFileDevice::NoError)
                return failed(downloadFailed(QStringLiteral("cannot read %1: %2").arg(path, in.errorString())));
            break;
        }
        done += chunk.size();
        if (done > m_options.maxBytes)
            return failed(tooLarge(uri, m_options.maxBytes));
        hash.addData(chunk);
        if (out.write(chunk) != chunk.size())
            return failed(cannotWrite(targetPath, out.errorString()));
        if (progress)
            progress(done, total);
    }
    if (!out.flush())
        return failed(cannotWrite(targetPath, out.errorString()));
    FetchResult r;
    r.ok = true;
    r.bytes = done;
    r.sha256Hex = QString::fromLatin1(hash.result().toHex());
    return r;
}

FetchResult ArtifactFetcher::fetchHttp(const QString &uri, const QString &targetPath,
                                       const std::atomic<bool> *abort, const ProgressFn &progress) const
{
    QFile out(targetPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return failed(cannotWrite(targetPath, out.errorString()));

    QNetworkAccessManager nam; // per job, on the job thread
    QNetworkRequest req{QUrl(uri)};
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setMaximumRedirectsAllowed(m_options.maxRedirects);
    req.setTransferTimeout(0); // our watchdog applies the connect and stall timeouts
    std::unique_ptr<QNetworkReply> reply(nam.get(req));
    reply->setReadBufferSize(kReadBuffer);

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    bool connected = false;
    qint64 lastDataAt = 0;
    qint64 received = 0;
    qint64 total = 0;
    std::optional<Reason> error;
    bool cancelled = false;

    auto fail = [&](const Reason &why, bool isCancel = false) {
        if (error)
            return;
        error = why;
        cancelled = isCancel;
        loop.quit(); // the reply is aborted once the loop returned, outside its own signals
    };
    auto httpStatus = [&]() { return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); };
    auto drain = [&]() {
        if (error)
            return;
        connected = true;
        lastDataAt = clock.elapsed();
        const int status = httpStatus();
        if (status >= 400) {
            fail(httpStatusReason(status, uri));
            return;
        }
        if (status >= 300) { // a redirect body: not the artifact
            reply->readAll();
            return;
        }
        if (total == 0) {
            const qint64 len = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (len > m_options.maxBytes) {
                fail(tooLarge(uri, m_options.maxBytes));
                return;
            }
            total = qMax<qint64>(0, len);
        }
        bool any = false;
        while (reply->bytesAvailable() > 0) {
            const QByteArray chunk = reply->read(kChunk);
            if (chunk.isEmpty())
                break;
            any = true;
            received += chunk.size();
            if (received > m_options.maxBytes) {
                fail(tooLarge(uri, m_options.maxBytes));
                return;
            }
            hash.addData(chunk);
            if (out.write(chunk) != chunk.size()) {
                fail(cannotWrite(targetPath, out.errorString()));
                return;
            }
        }
        if (any && progress)
            progress(received, total);
    };

    QObject::connect(reply.get(), &QNetworkReply::requestSent, &loop, [&]() {
        connected = true;
        lastDataAt = clock.elapsed();
    });
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, drain);
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, drain);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer watchdog;
    watchdog.setInterval(kWatchdogMs);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [&]() {
        const qint64 now = clock.elapsed();
        if (aborted(abort))
            fail(Reason::make("cancelled_by_request"), true);
        else if (!connected && now > m_options.connectTimeoutMs)
            fail(downloadFailed(QStringLiteral("no connection within %1 s for %2")
                                    .arg(m_options.connectTimeoutMs / 1000.0)
                                    .arg(uri)));
        else if (connected && now - lastDataAt > m_options.stallTimeoutMs)
            fail(stallReason(m_options.stallTimeoutMs));
    });
    watchdog.start();
    if (progress)
        progress(0, 0);
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    watchdog.stop();
    if (error && !reply->isFinished())
        reply->abort();
    if (!error)
        drain(); // data that arrived with the finished signal

    if (cancelled)
        return cancelledResult();
    if (error)
        return failed(*error);
    const int status = httpStatus();
    if (status >= 400)
        return failed(httpStatusReason(status, uri));
    if (reply->error() == QNetworkReply::TooManyRedirectsError)
        return failed(downloadFailed(QStringLiteral("more than %1 redirects for %2").arg(m_options.maxRedirects).arg(uri)));
    if (reply->error() != QNetworkReply::NoError)
        return failed(downloadFailed(QStringLiteral("%1 for %2").arg(reply->errorString(), uri)));
    if (total > 0 && received != total)
        return failed(downloadFailed(
            QStringLiteral("incomplete transfer (%1 of %2 bytes) for %3").arg(received).arg(total).arg(uri)));
    if (!out.flush())
        return failed(cannotWrite(targetPath, out.errorString()));
    FetchResult r;
    r.ok = true;
    r.bytes = received;
    r.sha256Hex = QString::fromLatin1(hash.result().toHex());
    return r;
}

Status checkAllowedGalleries(const QJsonArray &galleries, const QJsonObject &entry, const QStringList &prefixes)
{
    if (prefixes.isEmpty())
        return okStatus();
    auto allowed = [&](const QString &url) {
        for (const QString &p : prefixes)
            if (url.startsWith(p))
                return true;
        return false;
    };
    auto refuse = [](const QString &url) {
        return Status::failure(Reason::make("gallery_not_allowed", {{"gallery", url}}));
    };
    for (const QJsonValue &g : galleries) {
        const QString url = g.toObject().value(QStringLiteral("url")).toString();
        if (!url.isEmpty() && !allowed(url))
            return refuse(url);
    }
    const QString galleryUrl = entry.value(QStringLiteral("gallery_url")).toString();
    if (!galleryUrl.isEmpty() && !allowed(galleryUrl))
        return refuse(galleryUrl);
    const QString uri = entry.value(QStringLiteral("uri")).toString();
    const QString scheme = QUrl(uri).scheme().toLower();
    if ((scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !allowed(uri))
        return refuse(uri);
    return okStatus();
}

} // namespace fleetdeck
