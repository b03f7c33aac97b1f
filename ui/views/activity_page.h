#pragma once
// The Activity page (docs/gui.md#activity, docs/operations.md#retry, #history, A22): History newest
// first, filtered by outcome (combo) and backend (text) besides the window's search; expanding an
// entry shows its per-node results; Retry on failed and cancelled ops and on dead letters; the
// error is copyable.
#include "bridge/engine_host.h"
#include "views/table_page.h"

class QComboBox;
class QLineEdit;

namespace fleetdeck::ui {

class HistoryModel;

class ActivityPage final : public TablePage {
    Q_OBJECT
public:
    explicit ActivityPage(EngineHost *host, QWidget *parent = nullptr);

    HistoryModel *model() const { return m_model; }
    // Outcome filter: "" (all), "success", "failed", "cancelled", "dead_letter".
    void setOutcomeFilter(const QString &outcome);
    void setBackendFilter(const QString &text);

protected:
    void refreshActions() override;
    void writesChanged() override;
    void showEvent(QShowEvent *event) override;

private:
    void applyHistory();
    void applyOps();
    void retrySelected();
    void retry(const QList<const HistoryEntry *> &entries);
    void copyError();
    void contextMenu(const QPoint &pos);

    HistoryModel *m_model;
    QComboBox *m_outcome;
    QLineEdit *m_backend;
    QAction *m_retry, *m_copyError;
};

} // namespace fleetdeck::ui
