#include "connection/secret_vault.h"

#include <QPointer>
#include <QTimer>

#ifdef FLEETDECK_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace fleetdeck::ui {

namespace {

const QString kService = QStringLiteral("Fleetdeck");

// One process-wide session copy, so that a secret typed once is not asked for again when the
// dialog opens a second time (profile switch).
QHash<QString, QString> &session()
{
    static QHash<QString, QString> secrets;
    return secrets;
}

} // namespace

SecretVault::SecretVault(QObject *parent) : QObject(parent)
{
    m_keychain = keychainCompiled() && qEnvironmentVariableIntValue("FLEETDECK_NO_KEYCHAIN") == 0;
}

bool SecretVault::keychainCompiled()
{
#ifdef FLEETDECK_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

QString SecretVault::keyFor(const QString &profile, const QString &what)
{
    return profile + QLatin1Char('/') + what;
}

std::optional<QString> SecretVault::sessionValue(const QString &key) const
{
    const auto it = session().constFind(key);
    if (it == session().cend())
        return std::nullopt;
    return *it;
}

void SecretVault::read(const QString &key, QObject *receiver, std::function<void(std::optional<QString>, QString)> done)
{
    QPointer<QObject> guard(receiver);
    const auto finish = [guard, done](std::optional<QString> value, const QString &error) {
        if (guard && done)
            done(std::move(value), error);
    };
    if (auto v = sessionValue(key)) {
        // Asynchronous like the keychain path, so that callers have one code path.
        QTimer::singleShot(0, this, [finish, v]() { finish(v, {}); });
        return;
    }
#ifdef FLEETDECK_HAVE_KEYCHAIN
    if (m_keychain) {
        auto *job = new QKeychain::ReadPasswordJob(kService, this);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [this, finish, key](QKeychain::Job *j) {
            auto *r = static_cast<QKeychain::ReadPasswordJob *>(j);
            if (r->error() == QKeychain::NoError) {
                session().insert(key, r->textData());
                finish(r->textData(), {});
            } else if (r->error() == QKeychain::EntryNotFound) {
                finish(std::nullopt, {});
            } else {
                if (r->error() == QKeychain::NoBackendAvailable || r->error() == QKeychain::NotImplemented)
                    m_keychain = false;
                finish(std::nullopt, tr("keychain: %1").arg(r->errorString()));
            }
        });
        job->start();
        return;
    }
#endif
    QTimer::singleShot(0, this, [finish]() { finish(std::nullopt, {}); });
}

void SecretVault::write(const QString &key, const QString &secret, QObject *receiver, std::function<void(QString)> done)
{
    session().insert(key, secret);
    QPointer<QObject> guard(receiver);
    const auto finish = [guard, done](const QString &error) {
        if (guard && done)
            done(error);
    };
#ifdef FLEETDECK_HAVE_KEYCHAIN
    if (m_keychain) {
        auto *job = new QKeychain::WritePasswordJob(kService, this);
        job->setKey(key);
        job->setTextData(secret);
        connect(job, &QKeychain::Job::finished, this, [this, finish](QKeychain::Job *j) {
            if (j->error() == QKeychain::NoError) {
                finish({});
                return;
            }
            if (j->error() == QKeychain::NoBackendAvailable || j->error() == QKeychain::NotImplemented)
                m_keychain = false;
            finish(tr("keychain: %1").arg(j->errorString()));
        });
        job->start();
        return;
    }
#endif
    QTimer::singleShot(0, this, [finish]() { finish({}); });
}

void SecretVault::remove(const QString &key)
{
    session().remove(key);
#ifdef FLEETDECK_HAVE_KEYCHAIN
    if (m_keychain) {
        auto *job = new QKeychain::DeletePasswordJob(kService, this);
        job->setKey(key);
        job->start();
    }
#endif
}

} // namespace fleetdeck::ui
