// The wire protocol (SPEC §6): the §6.3 and §6.4 examples round-trip through the codecs, and
// every validation rule of §6.1 yields its exact error.
#include "bus/subjects.h"
#include "core/operation_codec.h"
#include "wire/worker_messages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace fleetdeck;
using namespace fleetdeck::wire;

namespace {

QJsonObject obj(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

const QByteArray kInstall =
    R"({"backend":"llama-cpp-cuda12","galleries":[{"name":"main","url":"https://gallery.example.org/index.json"}],"entry":{"name":"llama-cpp-cuda12","version":"b4120","uri":"https://gallery.example.org/artifacts/llama-cpp-b4120-cuda12.tar.zst","sha256":"4be1f0c2d3e4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334","size":1288490189,"gallery_url":"https://gallery.example.org/index.json"},"force":false,"op_id":"0f8e2c4a-6b1d-4e9a-8c3f-7d2e1a9b4c60"})";

} // namespace

class TstWireMessages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void register_round_trip()
    {
        const QByteArray in = R"({"name":"gpu-a100-1","labels":{"gpu":"a100","rack":"r2"},"resources":{"gpu_vendor":"nvidia","gpus":2,"total_vram":85899345920,"available_vram":84825604096,"total_ram":540431955968,"available_ram":501000000000,"cpu_cores":64,"disk_free":912680550400},"worker_version":"1.0.0","token":"s3cr3t"})";
        const auto m = decodeRegisterRequest(in);
        QVERIFY2(m, qPrintable(m.error()));
        QCOMPARE(obj(encode(m.value())), obj(in));
        const QByteArray reply = R"({"id":"5b1e0c9e-8d7a-4f5e-9a43-2f0b7c1d9e11","name":"gpu-a100-1","status":"pending","heartbeat_interval_s":10})";
        QCOMPARE(obj(encode(decodeRegisterReply(reply).value())), obj(reply));
        QCOMPARE(decodeRegisterReply(R"({"error":"invalid registration token"})")->error, QStringLiteral("invalid registration token"));
    }

    void heartbeat_round_trip()
    {
        const QByteArray in = R"({"node_id":"5b1e0c9e","name":"gpu-a100-1","state":"running","sent_at":1767225600000,"resources":{"available_vram":84825604096,"available_ram":498000000000,"disk_free":911000000000},"worker_version":"1.0.0"})";
        QCOMPARE(obj(encode(decodeHeartbeat(in).value())), obj(in));
        QCOMPARE(decodeHeartbeat(R"({"node_id":"x","name":"n","state":"sleeping"})").error(),
                 QStringLiteral("field \"state\": expected running, draining or stopped"));
    }

    void install_and_upgrade_round_trip()
    {
        const auto m = decodeInstallRequest(kInstall);
        QVERIFY2(m, qPrintable(m.error()));
        QCOMPARE(obj(encode(m.value(), false)), obj(kInstall));
        QJsonObject up = obj(kInstall);
        up.remove(QStringLiteral("force"));
        QCOMPARE(obj(encode(m.value(), true)), up);
        for (const QByteArray &reply :
             {QByteArray(R"({"success":true,"installed":{"version":"b4120","digest":"sha256:4be1","installed_at":"2026-09-01T10:15:02.123Z"}})"),
              QByteArray(R"({"success":false,"error":"sha256 mismatch for llama-cpp-cuda12: expected 4be1, got 9c07"})"),
              QByteArray(R"({"success":false,"cancelled":true,"error":"cancelled by request"})")})
            QCOMPARE(obj(encode(decodeCommandReply(reply).value())), obj(reply));
    }

    void progress_list_delete_cancel_round_trip()
    {
        const QByteArray progress = R"({"op_id":"0f8e","node_id":"5b1e","backend":"llama-cpp-cuda12","file_name":"llama-cpp-b4120-cuda12.tar.zst","percentage":37.5,"phase":"downloading","current_bytes":536870912,"total_bytes":1288490189})";
        QCOMPARE(obj(encode(decodeProgressEvent(progress).value())), obj(progress));
        const QByteArray list = R"({"backends":[{"name":"llama-cpp-cuda12","is_system":false,"is_meta":false,"meta_backend_for":"","installed_at":"2026-09-01T10:15:02.123Z","op_id":"0f8e","gallery_url":"https://gallery.example.org/index.json","version":"b4120","uri":"https://gallery.example.org/artifacts/llama-cpp-b4120-cuda12.tar.zst","digest":"sha256:4be1"}],"jobs":[{"backend":"whisper","op_id":"","kind":"install","phase":"downloading","percentage":61.0}]})";
        QCOMPARE(obj(encode(decodeListReply(list).value())), obj(list));
        const QByteArray del = R"({"backend":"piper","op_id":"7d1c"})";
        QCOMPARE(obj(encode(decodeDeleteRequest(del).value())), obj(del));
        const QByteArray cancel = R"({"op_id":"0f8e"})";
        QCOMPARE(obj(encode(decodeCancelRequest(cancel).value())), obj(cancel));
        const QByteArray cancelReply = R"({"success":true,"found":true,"too_late":false})";
        QCOMPARE(obj(encode(decodeCancelReply(cancelReply).value())), obj(cancelReply));
    }

    void op_status_round_trip()
    {
        const QByteArray msg = R"({"job_id":"0f8e","status":{"state":"running","kind":"upgrade","backend":"llama-cpp-cuda12","force":false,"target_node_id":null,"processed":false,"cancelled":false,"cancellable":true,"progress":37,"message":"processing file: llama-cpp-b4120-cuda12.tar.zst. Total: 1.2 GiB. Current: 512.0 MiB","file_name":"llama-cpp-b4120-cuda12.tar.zst","current_bytes":536870912,"total_bytes":1288490189,"owner_replica_id":"c2d4","requested_by":"gui:alice@ws-3","retry_of":null,"created_at":1767225600000,"updated_at":1767225660000,"progress_at":1767225660000,"finished_at":null,"revision":7,"nodes":[{"node_id":"5b1e","node_name":"gpu-a100-1","status":"downloading","percentage":37,"phase":"downloading","file_name":"llama-cpp-b4120-cuda12.tar.zst","current_bytes":536870912,"total_bytes":1288490189,"updated_at":1767225660000,"revision":6,"message":""}]}})";
        const QJsonObject in = obj(msg);
        const auto op = opStatusFromJson(in.value(QLatin1String("job_id")).toString(), in.value(QLatin1String("status")).toObject());
        QVERIFY2(op, qPrintable(op.error()));
        QCOMPARE(progressMessage(op.value(), op->nodes), in);
        QCOMPARE(opStatusFromJson(QStringLiteral("x"), QJsonObject{{QStringLiteral("state"), QStringLiteral("running")}}).error(),
                 QStringLiteral("missing required field \"status.kind\""));
    }

    // docs/reason-codes.md: error_code and error_args beside error, both ways; a reply without them
    // (an older worker) or with a code this build does not know decodes to its English text.
    void command_reply_codes_are_additive()
    {
        const QByteArray coded =
            R"({"success":false,"error":"sha256 mismatch for piper: expected 4be1, got 9c07","error_code":"sha256_mismatch","error_args":{"backend":"piper","expected":"4be1","actual":"9c07"}})";
        const auto r = decodeCommandReply(coded);
        QVERIFY2(r, qPrintable(r.error()));
        QCOMPARE(r->errorCode, Reason::make("sha256_mismatch", {{"backend", QStringLiteral("piper")},
                                                                 {"expected", QStringLiteral("4be1")},
                                                                 {"actual", QStringLiteral("9c07")}}));
        QCOMPARE(englishText(r->errorReason()), r->error);
        QCOMPARE(obj(encode(r.value())), obj(coded));
        QCOMPARE(obj(commandError(r->errorCode)), obj(coded));
        const auto old = decodeCommandReply(R"({"success":false,"error":"disk full"})");
        QVERIFY(old && !old->errorCode.hasCode());
        QCOMPARE(old->errorReason(), Reason::plain(QStringLiteral("disk full")));
        const auto newer = decodeCommandReply(R"({"success":false,"error":"later","error_code":"from_the_future","error_args":{}})");
        QVERIFY(newer && !newer->errorCode.hasCode());
        QCOMPARE(newer->errorReason(), Reason::plain(QStringLiteral("later")));
    }

    void op_status_codes_round_trip()
    {
        Operation op;
        op.id = QStringLiteral("0f8e");
        op.backend = QStringLiteral("piper");
        op.state = OpState::Failed;
        NodeProgress n;
        n.opId = op.id;
        n.nodeId = QStringLiteral("5b1e");
        n.nodeName = QStringLiteral("gpu-a100-1");
        n.status = NodeRowStatus::Error;
        n.setError(Reason::make("no_responders", {{"node", n.nodeName}}));
        op.nodes = {n};
        op.setFailed(Reason::make("node_errors", {{"errors", QJsonArray{QJsonObject{{QStringLiteral("node"), n.nodeName},
                                                                                       {QStringLiteral("error"), reasonToJson(n.errorCode)}}}}}));
        op.cacheKey = makeCacheKey(op.backend, std::nullopt);
        const QJsonObject status = opStatusToJson(op);
        QCOMPARE(status.value(QLatin1String("error_code")).toString(), QStringLiteral("node_errors"));
        QCOMPARE(status.value(QLatin1String("message_code")).toString(), QStringLiteral("op_error"));
        const auto back = opStatusFromJson(op.id, status);
        QVERIFY2(back, qPrintable(back.error()));
        QCOMPARE(back->errorCode, op.errorCode);
        QCOMPARE(back->messageCode, op.messageCode);
        QCOMPARE(back->nodes, op.nodes);
        QCOMPARE(back->error, op.error);
    }

    void validation_errors_are_exact_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("error");
        QTest::newRow("truncated") << QByteArray(R"({"backend":)") << QStringLiteral("invalid JSON at offset 11: ");
        QTest::newRow("missing") << QByteArray("{}") << QStringLiteral("missing required field \"backend\"");
        QTest::newRow("too large") << QByteArray(2 * 1024 * 1024, ' ') << QStringLiteral("payload too large: 2097152 bytes > 1048576");
        QByteArray badForce = kInstall;
        badForce.replace(R"("force":false)", R"("force":"yes")");
        QTest::newRow("wrong type") << badForce << QStringLiteral("field \"force\": expected boolean");
        QByteArray badName = kInstall;
        badName.replace(R"("backend":"llama-cpp-cuda12")", R"("backend":"../x")");
        QTest::newRow("bad name") << badName << QStringLiteral("invalid backend name \"../x\"");
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("invalid JSON at offset 0: payload is not a JSON object");
    }
    void validation_errors_are_exact()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, error);
        const auto r = decodeInstallRequest(payload);
        QVERIFY(!r);
        QVERIFY2(r.error().startsWith(error), qPrintable(r.error()));
    }

    void unknown_fields_are_ignored()
    {
        QByteArray extra = kInstall;
        extra.replace(R"("force":false)", R"("force":false,"extra":{"x":1})");
        QVERIFY(decodeInstallRequest(extra));
    }

    void subjects_sanitise_tokens()
    {
        QCOMPARE(subjects::sanitizeToken(QStringLiteral("gpu.a100 *1")), QStringLiteral("gpu-a100--1"));
        QCOMPARE(subjects::sanitizeToken(QStringLiteral("5b1e0c9e-8d7a-4f5e-9a43-2f0b7c1d9e11")), QStringLiteral("5b1e0c9e-8d7a-4f5e-9a43-2f0b7c1d9e11"));
        QCOMPARE(subjects::nodeProgress(QStringLiteral("gpu-a100-1"), QStringLiteral("op>1")),
                 QStringLiteral("nodes.gpu-a100-1.backend.install.op-1.progress"));
        QCOMPARE(subjects::opProgress(QStringLiteral("0f8e")), QStringLiteral("gallery.0f8e.progress"));
    }
};

QTEST_GUILESS_MAIN(TstWireMessages)
#include "tst_wire_messages.moc"
