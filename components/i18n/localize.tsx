"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import { createPhrasebook, type Localize, type PhrasePair } from "@/lib/i18n/phrasebook";

const PhrasebookContext = createContext<Localize>((text) => text);

/** Gives client components the phrasebook of the page's language (the layout passes its pairs). */
export function PhrasebookProvider({ pairs, children }: { pairs: readonly PhrasePair[]; children: ReactNode }) {
  const localize = useMemo(() => createPhrasebook(pairs), [pairs]);
  return <PhrasebookContext.Provider value={localize}>{children}</PhrasebookContext.Provider>;
}

/** Shows text lib wrote in English (a rule, a server refusal) in the user's language. */
export function useLocalize(): Localize {
  return useContext(PhrasebookContext);
}
