/** The issuing authority as printed at the top of the first page of every document. */
export interface Letterhead {
  name: string;
  department: string;
  street: string;
  postalCode: string;
  city: string;
  phone?: string;
  email?: string;
}

/** One answer of an application, as shown to the applicant ("Frage: Antwort"). */
export interface AnswerLine {
  label: string;
  value: string;
}
