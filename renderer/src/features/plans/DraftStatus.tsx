// DOM. The draft notice of the plan and preparation forms: that a kept draft was put back, and
// (quietly, as a status) that typing has been kept.
export function DraftStatus({ restored, savedAt, restoredText, savedText }: { restored: boolean; savedAt: string | null; restoredText: string; savedText: string }) {
  return (
    <>
      {restored ? <p className="alert alert--info">{restoredText}</p> : null}
      {savedAt ? (
        <span className="muted" role="status">
          {savedText}
        </span>
      ) : null}
    </>
  );
}
