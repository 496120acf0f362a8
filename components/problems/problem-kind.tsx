import { problemKindLabel } from "@/lib/format/labels";

export function ProblemKind({ kind }: { kind: string }) {
  return <span className="font-medium">{problemKindLabel(kind)}</span>;
}
