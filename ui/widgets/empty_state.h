#pragma once
// A friendly empty state with one action (docs/gui.md#empty-states).
#include <QWidget>

class QLabel;
class QPushButton;

namespace fleetdeck::ui {

class EmptyState final : public QWidget {
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);
    void set(const QString &title, const QString &detail, const QString &actionLabel = {});
    QString title() const;

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_title;
    QLabel *m_detail;
    QPushButton *m_action;
};

} // namespace fleetdeck::ui
