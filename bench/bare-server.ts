// The baseline of the point-read benchmark: bare Fastify + pg answering one SELECT by id,
// with no sessions, validation or serialisation schemas. Usage: bare-server.ts PORT DATABASE_URL
import Fastify from 'fastify';
import pg from 'pg';

const [port, url] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 10 });
const app = Fastify();
app.get('/bare/:id', async (req) => {
  const r = await pool.query('select id, code, name, full_name from org_units where id = $1', [
    (req.params as { id: string }).id,
  ]);
  return r.rows[0];
});
app.get('/health', async () => ({ ok: true }));
await app.listen({ port: Number(port), host: '127.0.0.1' });
