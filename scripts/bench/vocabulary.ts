/**
 * Filler words for generated pages: plain, lower-case English that names nothing. Words that sit
 * beside catalog names in the news ("house", "white", "states", "security", "policy", "trade",
 * "power") are left out, so every mark on a generated page is one we planted.
 */
export const FILLER_WORDS: readonly string[] = `
the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will what can
out up more some about into them could time these two may then do first any like my now over
such our man me even most made after also did many before must through back years where much
your way well down should because each just those people how too little good very make world
still own see men work long get here between both life being under never day same another know
while last might us great old year off come since against go came right used take three himself
few use during without again place around however home small found thought went say part once
general high upon school every does got left number course until always away something fact
though water less put think almost hand enough far took head yet better set told nothing night
end why called eyes find going look asked later knew point next city give group toward young days
let room side given present several order second possible rather per face among form important
often things looking early case large need big four within felt along children saw best ever
least development light thing seemed family interest want members others mind country area done
turned although open service problem certain kind different thus began door help means sense
whole matter perhaps itself example action local show whether five history gave today either act
feet across taken past quite anything seen having experience body word half really field car
words already themselves information tell together college shall money period held keep sure
probably free seems real behind cannot miss air question making office brought whose special
heard major problems ago became moment study available known result street boy position reason
change south board individual job areas society west close turn love community true force full
seem idea age everything morning plan mean garden river window bread winter music`
  .split(/\s+/)
  .filter((word) => word.length > 0);
