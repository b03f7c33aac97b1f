#pragma once
// The first start without configuration (docs/gui.md#first-start, #settings-and-first-start, A47):
// the app's name, one line on what it does, and two big choices, "Try the demo" and "Connect to a
// cluster…" (and Quit). It only records the choice: it never creates a store or joins a bus.
#include <QDialog>

class QPushButton;

namespace fleetdeck::ui {

class WelcomeDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Choice { Demo, Connect, Quit };

    explicit WelcomeDialog(QWidget *parent = nullptr);

    // After exec(): Quit unless a choice button was pressed (Escape and closing the window quit).
    Choice choice() const { return m_choice; }

    QPushButton *demoButton() const { return m_demo; }
    QPushButton *connectButton() const { return m_connect; }
    QPushButton *quitButton() const { return m_quit; }

private:
    void choose(Choice choice);

    QPushButton *m_demo;
    QPushButton *m_connect;
    QPushButton *m_quit;
    Choice m_choice = Choice::Quit;
};

} // namespace fleetdeck::ui
