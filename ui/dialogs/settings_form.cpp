#include "dialogs/settings_form.h"

#include "dialogs/gallery_list_editor.h"
#include "dialogs/setting_labels.h"
#include "theme/theme.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fleetdeck::ui {

namespace {

QString groupOf(const QString &key)
{
    return key == QLatin1String("galleries") ? QStringLiteral("gallery") : key.section(QLatin1Char('/'), 0, 0);
}

} // namespace

QStringList SettingsForm::editableKeys()
{
    QStringList keys;
    for (const SettingSpec &s : ClusterSettings::specs()) {
        if (s.type != SettingType::ReadOnly)
            keys << QLatin1String(s.key);
    }
    return keys;
}

SettingsForm::SettingsForm(Setter setter, QWidget *parent) : QWidget(parent), m_setter(std::move(setter))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    QHash<QString, QFormLayout *> forms;
    for (const SettingSpec &spec : ClusterSettings::specs()) {
        if (spec.type == SettingType::ReadOnly)
            continue;
        const QString key = QLatin1String(spec.key);
        const QString group = groupOf(key);
        QFormLayout *form = forms.value(group);
        if (!form) {
            auto *box = new QGroupBox(settingGroupTitle(group), this);
            form = new QFormLayout(box);
            forms.insert(group, form);
            layout->addWidget(box);
        }
        Field &field = m_fields[key];
        QWidget *widget = makeField(spec, field);
        QWidget *focus = field.focus;
        const QString labelText = settingLabel(key);
        if (focus->accessibleName().isEmpty())
            focus->setAccessibleName(QString(labelText).remove(QLatin1Char(':')));
        focus->setToolTip(key);
        focus->setObjectName(key);
        if (field.check) {
            field.check->setText(labelText);
            form->addRow(widget);
        } else {
            auto *l = new QLabel(labelText, form->parentWidget());
            l->setBuddy(focus);
            if (field.galleries) { // the table takes the form's whole width
                form->addRow(l);
                form->addRow(widget);
            } else {
                form->addRow(l, widget);
            }
        }
    }
    layout->addStretch(1);
    setSettings(ClusterSettings());
}

QWidget *SettingsForm::makeField(const SettingSpec &spec, Field &field)
{
    auto *row = new QWidget(this);
    auto *v = new QVBoxLayout(row);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    switch (spec.type) {
    case SettingType::Integer:
        field.line = new QLineEdit(row);
        field.line->setPlaceholderText(tr("default %1").arg(spec.defaultValue));
        field.line->setAlignment(Qt::AlignRight); // numbers right-aligned (docs/gui.md#tables)
        field.line->setMaximumWidth(fontMetrics().horizontalAdvance(QLatin1Char('0')) * 14);
        field.focus = field.line;
        connect(field.line, &QLineEdit::textEdited, this, &SettingsForm::changed);
        v->addWidget(field.line);
        break;
    case SettingType::Bool:
        field.check = new QCheckBox(row);
        field.focus = field.check;
        connect(field.check, &QCheckBox::toggled, this, &SettingsForm::changed);
        v->addWidget(field.check);
        break;
    case SettingType::Galleries:
        field.galleries = new GalleryListEditor(row);
        field.focus = field.galleries->table();
        connect(field.galleries, &GalleryListEditor::changed, this, &SettingsForm::changed);
        v->addWidget(field.galleries);
        break;
    case SettingType::Token:
        v->addWidget(makeTokenField(field));
        break;
    case SettingType::ReadOnly:
        break;
    }
    field.error = new QLabel(row);
    field.error->setWordWrap(true);
    field.error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette pal = field.error->palette();
    pal.setColor(QPalette::WindowText, Theme::instance().readable(Tone::Error, palette().color(QPalette::Window)));
    field.error->setPalette(pal);
    field.error->hide();
    v->addWidget(field.error);
    return row;
}

QWidget *SettingsForm::makeTokenField(Field &field)
{
    // The token is never shown (docs/architecture.md#settings): only whether one is set, and
    // buttons to replace or clear it.
    auto *box = new QWidget(this);
    auto *h = new QHBoxLayout(box);
    h->setContentsMargins(0, 0, 0, 0);
    m_tokenState = new QLabel(box);
    auto *set = new QPushButton(tr("Set new token…"), box);
    m_clearToken = new QPushButton(tr("Open registration"), box);
    m_clearToken->setToolTip(tr("Remove the token: any node may register (not recommended outside demo)"));
    h->addWidget(m_tokenState, 1);
    h->addWidget(set);
    h->addWidget(m_clearToken);
    // The row's accessible name, tooltip and object name go to its "Set" button.
    field.focus = set;
    set->setAccessibleName(tr("Set new registration token"));
    connect(set, &QPushButton::clicked, this, [this]() {
        bool ok = false;
        const QString token = QInputDialog::getText(this, tr("Registration token"),
                                                    tr("New registration token (workers pass it with --registration-token-file):"),
                                                    QLineEdit::Password, QString(), &ok);
        if (ok && !token.trimmed().isEmpty()) {
            m_pendingToken = token.trimmed();
            updateTokenLabel();
            Q_EMIT changed();
        }
    });
    connect(m_clearToken, &QPushButton::clicked, this, [this]() {
        m_pendingToken = QString();
        updateTokenLabel();
        Q_EMIT changed();
    });
    return box;
}

void SettingsForm::updateTokenLabel()
{
    if (m_pendingToken)
        m_tokenState->setText(m_pendingToken->isEmpty() ? tr("Registration opens on save (no token)")
                                                        : tr("A new token is set on save"));
    else
        m_tokenState->setText(m_settings.registrationOpen() ? tr("Not set: any node may register")
                                                            : tr("Set (***)"));
    m_clearToken->setEnabled(!m_settings.registrationOpen() || (m_pendingToken && !m_pendingToken->isEmpty()));
}

void SettingsForm::setSettings(const ClusterSettings &settings)
{
    const QStringList dirty = changedKeys();
    m_settings = settings;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const QString &key = it.key();
        Field &f = it.value();
        const QJsonValue v = settings.value(key);
        if (f.line)
            f.shown = QString::number(v.toInteger());
        else if (f.check)
            f.shown = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (f.galleries)
            f.shown = GalleryListEditor::toJson(settings.galleries());
        if (dirty.contains(key))
            continue;
        const QSignalBlocker b1(f.line), b2(f.check), b3(f.galleries);
        if (f.line)
            f.line->setText(f.shown);
        else if (f.check)
            f.check->setChecked(f.shown == QLatin1String("true"));
        else if (f.galleries)
            f.galleries->setGalleries(settings.galleries());
    }
    updateTokenLabel();
}

QString SettingsForm::fieldText(const QString &key) const
{
    if (key == QLatin1String("nodes/registration_token"))
        return m_pendingToken.value_or(QString());
    const auto it = m_fields.constFind(key);
    if (it == m_fields.cend())
        return {};
    if (it->line)
        return it->line->text();
    if (it->check)
        return it->check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (it->galleries)
        return it->galleries->toJson();
    return {};
}

void SettingsForm::setFieldText(const QString &key, const QString &text)
{
    if (key == QLatin1String("nodes/registration_token")) {
        m_pendingToken = text;
        updateTokenLabel();
        return;
    }
    const auto it = m_fields.find(key);
    if (it == m_fields.end())
        return;
    if (it->line)
        it->line->setText(text);
    else if (it->check)
        it->check->setChecked(text == QLatin1String("true"));
    else if (it->galleries)
        it->galleries->setJson(text);
}

QStringList SettingsForm::changedKeys() const
{
    QStringList keys;
    for (const QString &key : editableKeys()) {
        if (key == QLatin1String("nodes/registration_token")) {
            if (m_pendingToken)
                keys << key;
            continue;
        }
        const auto it = m_fields.constFind(key);
        if (it == m_fields.cend())
            continue;
        const QString now = fieldText(key).trimmed();
        if (now != it->shown.trimmed())
            keys << key;
    }
    return keys;
}

QString SettingsForm::errorText(const QString &key) const
{
    const auto it = m_fields.constFind(key);
    return it != m_fields.cend() && it->error && !it->error->isHidden() ? it->error->text() : QString();
}

void SettingsForm::setError(const QString &key, const QString &error)
{
    const auto it = m_fields.find(key);
    if (it == m_fields.end() || !it->error)
        return;
    it->error->setText(error);
    it->error->setVisible(!error.isEmpty());
}

int SettingsForm::apply()
{
    m_allOk = true;
    QList<std::pair<QString, QString>> valid;
    const QStringList changed = changedKeys();
    for (const QString &key : editableKeys()) {
        if (!changed.contains(key))
            setError(key, {}); // back at the stored value
    }
    for (const QString &key : changed) {
        const QString text = fieldText(key);
        if (auto v = ClusterSettings::validate(key, text); !v) {
            setError(key, v.error());
            m_allOk = false;
            continue;
        }
        setError(key, {});
        valid.append({key, text});
    }
    m_outstanding = int(valid.size()) + 1; // released below, after every call has been made
    for (const auto &[key, text] : valid) {
        m_setter(key, text, [this, key = key](Status st) {
            if (st) {
                setError(key, {});
                if (key == QLatin1String("nodes/registration_token"))
                    m_pendingToken.reset();
                else
                    m_fields[key].shown = fieldText(key);
            } else {
                setError(key, st.error());
            }
            finishOne(bool(st));
        });
    }
    finishOne(true);
    return int(valid.size());
}

void SettingsForm::finishOne(bool ok)
{
    m_allOk = m_allOk && ok;
    if (--m_outstanding == 0) {
        updateTokenLabel();
        Q_EMIT finished(m_allOk);
    }
}

} // namespace fleetdeck::ui
