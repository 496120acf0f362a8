import type { FieldRow } from "@/lib/openapi/schema-fields";

export function FieldTable({ fields, caption }: { fields: FieldRow[]; caption: string }) {
  if (fields.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No fields.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Field
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Description
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {fields.map((field) => (
            <tr key={field.name} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs" style={{ paddingLeft: `${0.75 + field.depth * 1}rem` }}>
                {field.name}
                {field.required ? (
                  <span className="ml-1 text-red-600 dark:text-red-400" title="required">
                    *
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs text-indigo-700 dark:text-indigo-300">{field.type}</td>
              <td className="px-3 py-2 text-slate-700 dark:text-slate-300">
                {field.description}
                {field.notes ? <span className="block text-xs text-slate-500 dark:text-slate-400">{field.notes}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
