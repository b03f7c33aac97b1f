#pragma once
// The cluster-wide settings as a form (the keys of docs/architecture.md#settings, galleries:
// docs/gallery.md#configuration, nodes/registration_token, nodes/auto_approve, upgrades/auto),
// grouped by prefix. apply() validates each changed key with ClusterSettings::validate and saves it
// through the setter, one call per changed key; a refusal (validation or store) shows under its
// field. The setter decouples the form from EngineHost so that it can be tested without an engine.
#include "config/cluster_settings.h"
#include "core/result.h"

#include <QHash>
#include <QWidget>
#include <functional>
#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace fleetdeck::ui {

class GalleryListEditor;

class SettingsForm final : public QWidget {
    Q_OBJECT
public:
    using Setter = std::function<void(const QString &key, const QString &value, std::function<void(Status)> done)>;

    explicit SettingsForm(Setter setter, QWidget *parent = nullptr);

    // Shows `settings`; fields with unsaved edits keep them.
    void setSettings(const ClusterSettings &settings);
    // The keys the form edits, in table order (cluster_id excluded).
    static QStringList editableKeys();

    // Text the admin entered for `key` ("true"/"false" for booleans, the JSON array for galleries);
    // the token's pending value. For tests and callers.
    QString fieldText(const QString &key) const;
    void setFieldText(const QString &key, const QString &text);
    QStringList changedKeys() const;
    QString errorText(const QString &key) const;
    bool isApplying() const { return m_outstanding > 0; }

    // Validates and saves every changed key; finished(allOk) follows (at once when nothing changed
    // or every change was refused by validation). Returns the number of keys sent to the setter.
    int apply();

Q_SIGNALS:
    void finished(bool allOk);
    void changed();

private:
    struct Field {
        QLineEdit *line = nullptr;
        QCheckBox *check = nullptr;
        GalleryListEditor *galleries = nullptr;
        QLabel *error = nullptr;
        QWidget *focus = nullptr; // the row's input: the label's buddy, named after the key
        QString shown; // the text shown for the stored value
    };
    QWidget *makeField(const SettingSpec &spec, Field &field);
    QWidget *makeTokenField(Field &field);
    void setError(const QString &key, const QString &error);
    void updateTokenLabel();
    void finishOne(bool ok);

    Setter m_setter;
    QHash<QString, Field> m_fields;
    ClusterSettings m_settings;
    QLabel *m_tokenState = nullptr;
    QPushButton *m_clearToken = nullptr;
    std::optional<QString> m_pendingToken; // set: a new token ("" = open registration) waits for apply()
    int m_outstanding = 0;
    bool m_allOk = true;
};

} // namespace fleetdeck::ui
