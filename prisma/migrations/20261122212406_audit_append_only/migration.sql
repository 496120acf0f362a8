-- DropForeignKey
ALTER TABLE "audit_logs" DROP CONSTRAINT "audit_logs_actor_id_fkey";

-- DropForeignKey
ALTER TABLE "audit_logs" DROP CONSTRAINT "audit_logs_on_behalf_of_id_fkey";

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_on_behalf_of_id_fkey" FOREIGN KEY ("on_behalf_of_id") REFERENCES "profiles"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit trail is append-only: no role, the application's included, may change or remove a
-- row. Emptying the whole table is allowed only when a session asks for it explicitly (the demo
-- seed's --force does), never as a side effect of a TRUNCATE ... CASCADE.
-- The WebAssembly schema engine splits a migration at every semicolon, quoted or not, so the
-- function body spells its semicolons as \073 inside an escape string.
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'TRUNCATE\' AND current_setting(\'glow.allow_audit_truncate\', true) = \'on\' THEN
    RETURN NULL\073
  END IF\073
  RAISE EXCEPTION \'audit_logs is append-only: % is not allowed\', TG_OP
    USING ERRCODE = \'insufficient_privilege\'\073
END\073
';

CREATE TRIGGER audit_logs_no_update_or_delete
  BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();

CREATE TRIGGER audit_logs_no_truncate
  BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();
