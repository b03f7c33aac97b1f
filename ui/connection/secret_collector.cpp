#include "connection/secret_collector.h"

#include "connection/secret_vault.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPointer>
#include <QSettings>
#include <QTimer>

#include <memory>

namespace fleetdeck::ui {

const QString SecretCollector::kStorePassword = QStringLiteral("store_password");
const QString SecretCollector::kNatsPassword = QStringLiteral("nats_password");
const QString SecretCollector::kNatsToken = QStringLiteral("nats_token");

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fleetdeck::ui::SecretCollector", text);
}

} // namespace

void SecretCollector::collect(SecretVault *vault, const ProfileRecord &p, const ProfileSecrets &typed, QObject *receiver,
                              std::function<void(ProfileSecrets, QString)> done)
{
    struct Pending {
        ProfileSecrets secrets;
        QStringList missing;
        int outstanding = 1; // released after every read has been started
        QPointer<QObject> receiver;
        std::function<void(ProfileSecrets, QString)> done;
    };
    auto state = std::make_shared<Pending>();
    state->secrets = typed;
    state->receiver = receiver;
    state->done = std::move(done);
    const auto finishOne = [state]() {
        if (--state->outstanding == 0 && state->receiver)
            state->done(state->secrets, state->missing.join(QStringLiteral(", ")));
    };
    const auto need = [&](QString ProfileSecrets::*field, const QString &what, bool required, const QString &file,
                          const QString &label) {
        if (!(state->secrets.*field).isEmpty())
            return;
        ++state->outstanding;
        vault->read(SecretVault::keyFor(p.name, what), vault,
                    [state, field, required, file, label, finishOne](std::optional<QString> v, const QString &) {
                        if (v)
                            state->secrets.*field = *v;
                        else if (required && (file.isEmpty() || !QFileInfo::exists(file)))
                            state->missing << label;
                        finishOne();
                    });
    };
    if (p.kind == ProfileRecord::Kind::Cluster) {
        if (p.storeKind == ProfileRecord::StoreKind::Postgres)
            need(&ProfileSecrets::storePassword, kStorePassword, false, p.storePasswordFile, tr("PostgreSQL password"));
        if (p.auth == ProfileRecord::Auth::User)
            need(&ProfileSecrets::natsPassword, kNatsPassword, true, p.natsPasswordFile, tr("NATS password"));
        if (p.auth == ProfileRecord::Auth::Token)
            need(&ProfileSecrets::natsToken, kNatsToken, true, p.natsTokenFile, tr("NATS token"));
    }
    // Asynchronous even when nothing is read, so that callers have one code path.
    QTimer::singleShot(0, vault, finishOne);
}

void SecretCollector::restoreActive(const QString &iniPath, SecretVault *vault, QObject *receiver,
                                    std::function<void(Status)> done)
{
    QPointer<QObject> guard(receiver);
    const auto finish = [guard, done](const Status &s) {
        if (guard && done)
            done(s);
    };
    ProfileStore store(iniPath);
    const auto profile = store.find(store.activeProfile());
    const QString runtimeDir = QFileInfo(ProfileStore::runtimeSecretsDir()).absoluteFilePath() + QLatin1Char('/');
    bool missing = false;
    const QSettings ini(iniPath, QSettings::IniFormat);
    for (const char *key : {"store/password_file", "nats/password_file", "nats/token_file"}) {
        const QString path = ini.value(QLatin1String(key)).toString();
        if (!path.isEmpty() && QFileInfo(path).absoluteFilePath().startsWith(runtimeDir) && !QFileInfo::exists(path))
            missing = true;
    }
    if (!missing || !profile || profile->kind == ProfileRecord::Kind::Demo) {
        QTimer::singleShot(0, vault, [finish]() { finish(okStatus()); });
        return;
    }
    collect(vault, *profile, {}, vault, [finish, store, p = *profile](const ProfileSecrets &secrets, const QString &absent) mutable {
        if (!absent.isEmpty()) {
            finish(Status::failure(tr("Enter the %1 of profile \"%2\" in Connection profiles.").arg(absent, p.name)));
            return;
        }
        finish(store.activate(p, secrets));
    });
}

} // namespace fleetdeck::ui
