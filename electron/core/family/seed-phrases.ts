// Node-only. What the generator writes for the family network, consents and case notes, in each
// language. Short, plausible, and never a real person's words.
import type { Language } from '../../../shared/i18n/languages';
import type { NoteKind } from '../../../shared/notes/contract';

export interface NetworkPhrases {
  /** Where a sibling in care lives. */
  carePlaces: string[];
  /** Where a teacher, a religious leader or a volunteer can be found. */
  schools: string[];
  worship: string[];
  /** Someone who consents while the family is not yet traced, and who they are to the child. */
  interimGuardian: string;
  consentNotes: string[];
  withdrawalReasons: string[];
  notes: Record<NoteKind, string[]>;
}

export const networkPhrases: Record<Language, NetworkPhrases> = {
  en: {
    carePlaces: ["St Jude's Children's Home", 'Transit centre, Gulu', "Aunt's household in Lira", 'Foster family in Kitgum'],
    schools: ['Layibi Primary School', 'Laroo Primary School', 'Pece Community School'],
    worship: ['St Mary’s parish', 'Holy Rosary church', 'Town mosque'],
    interimGuardian: 'Transit centre manager',
    consentNotes: ['Explained in the family’s language; questions answered.', 'Consent read aloud before the thumbprint was given.', ''],
    withdrawalReasons: ['The family asked that the school not be contacted.'],
    notes: {
      general: ['Updated the file after the case conference.', 'The child asked about the next visit and was reassured.'],
      home_visit: ['Visited the home: a sleeping place is ready and the household is calm.', 'Home visit: food is short until the harvest; referred for support.'],
      phone_call: ['Called the mother: she confirms the family is waiting for the child.', 'Phone call with the teacher about school enrolment.'],
      meeting: ['Met the child and the caregiver together to review the plan.', 'Meeting with the community volunteer who will monitor.'],
      supervision: ['Supervision: agreed to add a supervised visit before reunification.', 'Supervision: risks reviewed, no new concerns.'],
      other: ['Collected the birth certificate from the registration office.'],
    },
  },
  fr: {
    carePlaces: ['Orphelinat Sainte-Famille', 'Centre de transit de Gitega', 'Chez une tante à Ngozi', 'Famille d’accueil à Bamako'],
    schools: ['École primaire de Kinama', 'École fondamentale de Mopti', 'École communautaire de Thiès'],
    worship: ['Paroisse Saint-Joseph', 'Mosquée du quartier', 'Église évangélique de Goma'],
    interimGuardian: 'Responsable du centre de transit',
    consentNotes: ['Expliqué dans la langue de la famille ; questions répondues.', 'Consentement lu à voix haute avant l’empreinte.', ''],
    withdrawalReasons: ['La famille a demandé que l’école ne soit pas contactée.'],
    notes: {
      general: ['Dossier mis à jour après la réunion de cas.', 'L’enfant a demandé la date de la prochaine visite ; rassuré.'],
      home_visit: ['Visite à domicile : un coin pour dormir est prêt, le foyer est calme.', 'Visite à domicile : la nourriture manque jusqu’à la récolte ; orienté vers un appui.'],
      phone_call: ['Appel à la mère : la famille attend l’enfant.', 'Appel avec l’enseignant au sujet de l’inscription scolaire.'],
      meeting: ['Rencontre avec l’enfant et la personne qui s’en occupe pour revoir le plan.', 'Réunion avec le volontaire communautaire qui assurera le suivi.'],
      supervision: ['Supervision : ajout d’une visite supervisée avant la réunification.', 'Supervision : risques revus, pas de nouvelle inquiétude.'],
      other: ['Acte de naissance retiré au bureau de l’état civil.'],
    },
  },
  es: {
    carePlaces: ['Hogar Infantil San José', 'Centro de tránsito de Tapachula', 'Con una tía en Cobán', 'Familia de acogida en Cúcuta'],
    schools: ['Escuela Primaria Benito Juárez', 'Escuela Rural Mixta de Cobán', 'Colegio Comunitario de Potosí'],
    worship: ['Parroquia San Francisco', 'Iglesia evangélica del barrio', 'Capilla de Guadalupe'],
    interimGuardian: 'Directora del centro de tránsito',
    consentNotes: ['Explicado en el idioma de la familia; se respondieron preguntas.', 'Se leyó en voz alta antes de la huella.', ''],
    withdrawalReasons: ['La familia pidió que no se contacte a la escuela.'],
    notes: {
      general: ['Expediente actualizado después de la reunión de caso.', 'La niña preguntó por la próxima visita; se la tranquilizó.'],
      home_visit: ['Visita domiciliaria: hay un lugar para dormir y el hogar está tranquilo.', 'Visita domiciliaria: falta comida hasta la cosecha; se refirió a apoyo.'],
      phone_call: ['Llamada a la madre: confirma que la familia espera al niño.', 'Llamada con la maestra sobre la inscripción escolar.'],
      meeting: ['Reunión con el niño y su cuidadora para revisar el plan.', 'Reunión con la voluntaria comunitaria que hará el seguimiento.'],
      supervision: ['Supervisión: se acordó una visita supervisada antes de la reunificación.', 'Supervisión: riesgos revisados, sin nuevas preocupaciones.'],
      other: ['Se recogió el acta de nacimiento en el registro civil.'],
    },
  },
  pt: {
    carePlaces: ['Lar Infantil São Vicente', 'Centro de trânsito da Beira', 'Com uma tia em Nampula', 'Família de acolhimento em Luanda'],
    schools: ['Escola Primária Completa de Maxaquene', 'Escola Primária de Munhava', 'Escola Comunitária do Lobito'],
    worship: ['Paróquia de Santo António', 'Mesquita do bairro', 'Igreja Evangélica de Tete'],
    interimGuardian: 'Responsável do centro de trânsito',
    consentNotes: ['Explicado na língua da família; perguntas respondidas.', 'Lido em voz alta antes da impressão digital.', ''],
    withdrawalReasons: ['A família pediu que a escola não fosse contactada.'],
    notes: {
      general: ['Processo actualizado depois da reunião de caso.', 'A criança perguntou pela próxima visita; foi tranquilizada.'],
      home_visit: ['Visita domiciliária: há um lugar para dormir e o agregado está calmo.', 'Visita domiciliária: falta comida até à colheita; encaminhado para apoio.'],
      phone_call: ['Chamada à mãe: confirma que a família espera a criança.', 'Chamada com o professor sobre a matrícula escolar.'],
      meeting: ['Encontro com a criança e a cuidadora para rever o plano.', 'Reunião com o voluntário comunitário que fará o acompanhamento.'],
      supervision: ['Supervisão: acordada uma visita supervisionada antes da reunificação.', 'Supervisão: riscos revistos, sem novas preocupações.'],
      other: ['Levantada a certidão de nascimento na conservatória.'],
    },
  },
  ar: {
    carePlaces: ['دار رعاية الأطفال', 'مركز العبور في كسلا', 'عند خالته في أم درمان', 'أسرة حاضنة في نيالا'],
    schools: ['مدرسة النور الأساسية', 'مدرسة الأمل الابتدائية', 'مدرسة الحي المجتمعية'],
    worship: ['مسجد الحي', 'خلوة الشيخ إدريس', 'كنيسة الشهيدين'],
    interimGuardian: 'مديرة مركز العبور',
    consentNotes: ['شُرح بلغة الأسرة وأُجيب عن الأسئلة.', 'قُرئت الموافقة بصوت عالٍ قبل البصمة.', ''],
    withdrawalReasons: ['طلبت الأسرة عدم التواصل مع المدرسة.'],
    notes: {
      general: ['تحديث الملف بعد اجتماع الحالة.', 'سأل الطفل عن موعد الزيارة القادمة وطُمئن.'],
      home_visit: ['زيارة منزلية: مكان النوم جاهز والأسرة هادئة.', 'زيارة منزلية: نقص في الغذاء حتى الحصاد؛ أُحيلت الأسرة للدعم.'],
      phone_call: ['اتصال بالأم: تؤكد أن الأسرة تنتظر الطفل.', 'اتصال بالمعلم بشأن التسجيل في المدرسة.'],
      meeting: ['لقاء مع الطفل ومقدمة الرعاية لمراجعة الخطة.', 'اجتماع مع المتطوع المجتمعي الذي سيتابع الحالة.'],
      supervision: ['إشراف: الاتفاق على زيارة بإشراف قبل لمّ الشمل.', 'إشراف: مراجعة المخاطر، لا مخاوف جديدة.'],
      other: ['استلام شهادة الميلاد من مكتب السجل المدني.'],
    },
  },
};
