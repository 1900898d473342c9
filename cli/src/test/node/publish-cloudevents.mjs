// Publishes RawReports to reports.raw as CloudEvents with the official SDKs (npm cloudevents + kafkajs).
// usage: node publish-cloudevents.mjs BOOTSTRAP structured|binary|batch REPORTS.json
//   REPORTS.json: a JSON array of RawReport objects (sourceUrl, contentType, content or contentBase64, ...)
import { readFileSync } from "node:fs";
import { CloudEvent, Kafka as KafkaBinding } from "cloudevents";
import { Kafka } from "kafkajs";

const [bootstrap, mode, file] = process.argv.slice(2);
const reports = JSON.parse(readFileSync(file, "utf8"));

const events = reports.map((report) => new CloudEvent({
  type: "io.zhibiao.report.fetched",
  source: "https://example.gov.cn/scraper",
  datacontenttype: "application/json",
  partitionkey: report.sourceUrl,
  data: report,
}));

let messages;
if (mode === "structured") {
  // value: the whole event as JSON; header content-type: application/cloudevents+json; charset=utf-8
  messages = events.map((event) => KafkaBinding.structured(event));
} else if (mode === "binary") {
  // headers ce_specversion, ce_id, ce_source, ce_type, content-type; value: the RawReport JSON.
  // The SDK leaves the attributes the event does not set (ce_subject, ce_dataschema...) undefined,
  // which kafkajs cannot send: drop them.
  messages = events.map((event) => {
    const message = KafkaBinding.binary(event);
    const headers = Object.fromEntries(Object.entries(message.headers).filter(([, v]) => v !== undefined));
    return { ...message, headers, value: JSON.stringify(message.value) };
  });
} else if (mode === "batch") {
  // one record holding every event: a JSON array, content-type application/cloudevents-batch+json
  messages = [{
    key: events[0].partitionkey,
    value: JSON.stringify(events),
    headers: { "content-type": "application/cloudevents-batch+json; charset=utf-8" },
  }];
} else {
  throw new Error(`mode must be structured, binary or batch, not ${mode}`);
}

const kafka = new Kafka({ clientId: "zhibiao-scraper", brokers: [bootstrap] });
const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
await producer.connect();
await producer.send({
  topic: "reports.raw",
  acks: -1,
  messages: messages.map(({ key, value, headers }) => ({ key, value, headers })),
});
await producer.disconnect();
console.log(`published ${messages.length} ${mode} record(s) of ${events.length} report(s)`);
