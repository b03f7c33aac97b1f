#pragma once
// Cancel step 4 of docs/operations.md#cancel: `nodes.<name>.backend.cancel {op_id}` (5 s,
// concurrently) to every node whose row of the op is downloading, verifying, extracting or
// running_on_worker. Failures are logged and change no node status. Once a node's reply or failure
// is in, its row, if still `running_on_worker` (no request of the op waits for it), becomes
// `cancelled` "cancel sent; outcome unknown". Plugged into OperationService::Deps::cancelWorkers.
#include <QObject>
#include <functional>

namespace fleetdeck {

class OperationService;
class StoreThread;
class WorkerClient;

class OpCanceller final : public QObject {
    Q_OBJECT
public:
    OpCanceller(StoreThread *store, WorkerClient *client, QObject *parent = nullptr);

    // Optional: the status map to keep in step with settled rows.
    void setService(OperationService *service) { m_service = service; }
    // `done` (optional) runs once every cancel request has its reply or failure.
    void cancelWorkers(const QString &opId, std::function<void()> done = {});

private:
    StoreThread *m_store;
    WorkerClient *m_client;
    OperationService *m_service = nullptr;
};

} // namespace fleetdeck
