import dgram from 'node:dgram';
import { EventEmitter, once } from 'node:events';

/**
 * A UDP DNS server on 127.0.0.1: A queries for `live` names get their address at once, queries
 * for `dead` names are read and never answered (a zone whose servers are down), anything else
 * is NXDOMAIN and AAAA queries are answered empty. Every question is recorded and announced.
 */
export interface LoopbackDns {
  /** `127.0.0.1:port`, as DNS_SERVERS and `servers` take it. */
  server: string;
  /** Names asked about, in order (once per query type and retry). */
  queries: string[];
  /** Resolves when `name` is next asked about (or already was). */
  asked(name: string): Promise<void>;
  close(): Promise<void>;
}

const TYPE_A = 1;

export async function startLoopbackDns({
  live,
  dead,
  port = 0,
}: {
  live: Record<string, string>;
  dead: (name: string) => boolean;
  /** 53 when the machine's own resolver is pointed here (dns-figures.ts, in a namespace). */
  port?: number;
}): Promise<LoopbackDns> {
  const socket = dgram.createSocket('udp4');
  const events = new EventEmitter();
  const queries: string[] = [];
  socket.on('message', (message, peer) => {
    const question = readQuestion(message);
    if (!question) return;
    queries.push(question.name);
    events.emit('query', question.name);
    if (dead(question.name)) return;
    const address = live[question.name];
    const reply = answer(
      message,
      question.end,
      address === undefined ? 3 : 0,
      question.type === TYPE_A ? address : undefined,
    );
    socket.send(reply, peer.port, peer.address);
  });
  socket.bind(port, '127.0.0.1');
  await once(socket, 'listening');
  return {
    server: `127.0.0.1:${socket.address().port}`,
    queries,
    asked: async (name) => {
      while (!queries.includes(name)) await once(events, 'query');
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

function readQuestion(message: Buffer): { name: string; type: number; end: number } | null {
  const labels: string[] = [];
  let offset = 12;
  for (;;) {
    const length = message[offset];
    if (length === undefined) return null;
    offset++;
    if (length === 0) break;
    labels.push(message.subarray(offset, offset + length).toString('latin1'));
    offset += length;
  }
  if (offset + 4 > message.length) return null;
  return {
    name: labels.join('.').toLowerCase(),
    type: message.readUInt16BE(offset),
    end: offset + 4,
  };
}

/** The query's id and question, then one A record pointing back at the question's name. */
function answer(query: Buffer, questionEnd: number, rcode: number, address?: string): Buffer {
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(0x8180 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(address ? 1 : 0, 6);
  const parts = [header, query.subarray(12, questionEnd)];
  if (address) {
    const record = Buffer.alloc(16);
    record.writeUInt16BE(0xc00c, 0);
    record.writeUInt16BE(TYPE_A, 2);
    record.writeUInt16BE(1, 4);
    record.writeUInt32BE(60, 6);
    record.writeUInt16BE(4, 10);
    address.split('.').forEach((octet, index) => {
      record[12 + index] = Number(octet);
    });
    parts.push(record);
  }
  return Buffer.concat(parts);
}
