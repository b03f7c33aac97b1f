#pragma once
// Fetches one gallery entry's artifact (docs/worker.md#install step 2) into a file, computing its
// SHA-256 while streaming, and checks the worker's allow-lists
// (docs/protocol.md#transport-security).
//
// Threading: fetch() is synchronous and meant for a worker job thread (any QThread, including a
// QThreadPool thread). For http(s) it creates its own QNetworkAccessManager on the calling thread
// and runs a local QEventLoop until the transfer ends; a 100 ms watchdog timer in that loop polls
// the abort flag (a cancel stops the download within ~100 ms), the connect timeout and the stall
// timeout. file:// URIs are read directly with QFile in 1 MiB chunks, polling the flag per chunk.
// Nothing is shared between calls, so parallel jobs need no locking.
#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace fleetdeck {

struct FetchOptions {
    QStringList allowedFileRoots; // --allow-file-root; empty = every file:// URI is refused
    int maxRedirects = 5;
    qint64 connectTimeoutMs = 30'000;
    qint64 stallTimeoutMs = 60'000;
    qint64 maxBytes = qint64(64) << 30; // 64 GiB
    qint64 fileChunkBytes = 1 << 20;     // file:// read size (one progress tick per chunk)
    // Paces file:// reads (the demo's simulated links, on its injected clock): made once per
    // transfer from the URI; called before each chunk with the bytes read so far and the total,
    // it may block and returns false when the abort flag ended the wait. Empty = disk speed.
    using FileThrottle = std::function<bool(qint64 done, qint64 total, const std::atomic<bool> *abort)>;
    std::function<FileThrottle(const QString &uri)> fileThrottle;
};

struct FetchResult {
    bool ok = false;
    bool cancelled = false;
    QString error;
    Reason errorCode; // error's code and args (docs/reason-codes.md)
    QString sha256Hex; // lower-case, set when ok
    qint64 bytes = 0;
};

class ArtifactFetcher final {
public:
    // (bytes received so far, total bytes or 0 when unknown)
    using ProgressFn = std::function<void(qint64 current, qint64 total)>;

    explicit ArtifactFetcher(FetchOptions options = {});

    // Downloads uri into targetPath (created or truncated). abort may be null.
    FetchResult fetch(const QString &uri, const QString &targetPath, const std::atomic<bool> *abort,
                      const ProgressFn &progress) const;

    // "file:// path <p> is not below an allowed root" unless the realpath of the URI's local
    // path lies below one of the roots.
    static Status checkFileRoot(const QString &localPath, const QStringList &roots);
    // "download stalled: no data for 60 s" (seconds when whole, else milliseconds).
    static QString stallMessage(qint64 stallMs) { return englishText(stallReason(stallMs)); }
    static Reason stallReason(qint64 stallMs);

private:
    FetchResult fetchFile(const QString &uri, const QString &targetPath, const std::atomic<bool> *abort,
                          const ProgressFn &progress) const;
    FetchResult fetchHttp(const QString &uri, const QString &targetPath, const std::atomic<bool> *abort,
                          const ProgressFn &progress) const;

    FetchOptions m_options;
};

// docs/protocol.md#transport-security --allow-gallery: "gallery <url> is not allowed on this node"
// when a galleries[].url, entry.gallery_url or http(s) entry.uri starts with none of the prefixes
// (no prefixes = no check).
Status checkAllowedGalleries(const QJsonArray &galleries, const QJsonObject &entry, const QStringList &prefixes);

} // namespace fleetdeck
