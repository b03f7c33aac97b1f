#pragma once
// Where the profiles' secrets (NATS password, NATS token, PostgreSQL password) live: the OS
// keychain through QtKeychain when the build has it (FLEETDECK_HAVE_KEYCHAIN) and a secret
// service answers, and always a per-process memory copy of what was typed or read this session.
// Without a keychain the admin types the secret once per session. Never the INI, never a log.
#include <QHash>
#include <QObject>
#include <functional>
#include <optional>

namespace fleetdeck::ui {

class SecretVault final : public QObject {
    Q_OBJECT
public:
    explicit SecretVault(QObject *parent = nullptr);

    static bool keychainCompiled();
    // Compiled in, not turned off (FLEETDECK_NO_KEYCHAIN=1 or setKeychainEnabled(false)), and no
    // "no backend available" answer seen yet.
    bool keychainEnabled() const { return m_keychain; }
    void setKeychainEnabled(bool on) { m_keychain = on && keychainCompiled(); }

    // "<profile>/<what>", what = store_password | nats_password | nats_token.
    static QString keyFor(const QString &profile, const QString &what);

    // The session copy, else the keychain's; std::nullopt when neither has one. `error` names a
    // keychain failure (the secret then has to be typed). `done` runs on the GUI thread, not
    // after `receiver` is gone.
    void read(const QString &key, QObject *receiver, std::function<void(std::optional<QString>, QString error)> done);
    // Keeps the session copy and stores it in the keychain; `done(error)` (empty = stored in the
    // keychain or no keychain in use).
    void write(const QString &key, const QString &secret, QObject *receiver, std::function<void(QString error)> done);
    void remove(const QString &key);
    // The session copy only (synchronous).
    std::optional<QString> sessionValue(const QString &key) const;

private:
    bool m_keychain = false;
};

} // namespace fleetdeck::ui
