import { useTranslations } from "next-intl";
import { useDescribeCalleeResult } from "./catalog";

export function CalleeResults({ results }: { results: { Callee_Account: string; ResultCode: number }[] }) {
  const t = useTranslations("outcome");
  const describe = useDescribeCalleeResult();
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">{t("calleeCaption")}</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th className="py-1 pr-4 font-mono font-medium">Callee_Account</th>
          <th className="py-1 pr-4 font-mono font-medium">ResultCode</th>
          <th className="py-1 font-medium">{t("calleeMeaning")}</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={r.Callee_Account} className="border-t border-slate-100">
            <td className="py-1 pr-4 font-mono">{r.Callee_Account}</td>
            <td className="py-1 pr-4 font-mono">{r.ResultCode}</td>
            <td className="py-1 text-slate-600">{describe(r.ResultCode)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
