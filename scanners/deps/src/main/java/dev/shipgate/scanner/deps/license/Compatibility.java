package dev.shipgate.scanner.deps.license;

import dev.shipgate.scanner.deps.license.Licenses.Kind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Whether a source file under one licence may be part of a project released under another. A deliberately small
 * table, written from the licences' own terms and the FSF's compatibility notes, covering the common conflicts:
 * copyleft (GPL, AGPL, LGPL) code inside a permissive or proprietary project, Apache-2.0 inside a GPL-2.0-only
 * project, GPL-3.0 inside GPL-2.0-only and the reverse, and EPL/CDDL inside GPL projects. Pairs outside the table
 * (kind OTHER, unrecognised identifiers) are not judged.
 *
 * <pre>
 * file \ project   permissive/proprietary  file-copyleft  lgpl  gpl2-only  gpl2-plus  gpl3  agpl3
 * permissive       ok                      ok             ok    ok*        ok         ok    ok      * not Apache-2.0
 * file-copyleft    ok                      ok             ok    MPL only   MPL only   MPL   MPL
 * lgpl             no                      no             ok    ok**       ok         ok    ok      ** not LGPL-3.0
 * gpl2-only        no                      no             no    ok         ok         no    no
 * gpl2-plus        no                      no             no    ok         ok         ok    ok
 * gpl3             no                      no             no    no         ok         ok    ok
 * agpl3            no                      no             no    no         ok         ok    ok
 * </pre>
 */
public final class Compatibility {

  private static final Set<Kind> COPYLEFT = EnumSet.of(Kind.LGPL, Kind.GPL2_ONLY, Kind.GPL2_PLUS, Kind.GPL3, Kind.AGPL3);
  private static final Set<Kind> GPL = EnumSet.of(Kind.GPL2_ONLY, Kind.GPL2_PLUS, Kind.GPL3, Kind.AGPL3);

  /** Which file kinds each GPL-family project kind takes, besides permissive files. */
  private static final Map<Kind, Set<Kind>> GPL_ACCEPTS = Map.of(
      Kind.LGPL, EnumSet.of(Kind.LGPL),
      Kind.GPL2_ONLY, EnumSet.of(Kind.LGPL, Kind.GPL2_ONLY, Kind.GPL2_PLUS),
      Kind.GPL2_PLUS, EnumSet.of(Kind.LGPL, Kind.GPL2_ONLY, Kind.GPL2_PLUS, Kind.GPL3, Kind.AGPL3),
      Kind.GPL3, EnumSet.of(Kind.LGPL, Kind.GPL2_PLUS, Kind.GPL3, Kind.AGPL3),
      Kind.AGPL3, EnumSet.of(Kind.LGPL, Kind.GPL2_PLUS, Kind.GPL3, Kind.AGPL3));

  private Compatibility() {}

  /**
   * False when the table says the file's licence cannot be part of the project's; true otherwise, including when
   * either side is outside the table. A {@code LicenseRef-} project licence is treated as proprietary.
   */
  public static boolean compatible(SpdxExpression fileLeaf, SpdxExpression projectLeaf) {
    Kind file = Licenses.kind(fileLeaf);
    Kind project = Licenses.isRef(projectLeaf) ? Kind.PERMISSIVE : Licenses.kind(projectLeaf);
    if (file == null || project == null || file == Kind.OTHER || project == Kind.OTHER) {
      return true;
    }
    String fileId = SpdxExpression.idOf(fileLeaf);
    if (file == Kind.PERMISSIVE) {
      return !(project == Kind.GPL2_ONLY && fileId.equals("APACHE-2.0"));
    }
    if (file == Kind.FILE_COPYLEFT) {
      // MPL-2.0 names the GNU licences as secondary licences; EPL and CDDL do not (unless a notice says so).
      return !GPL.contains(project) || fileId.equals("MPL-2.0");
    }
    if (!COPYLEFT.contains(project)) {
      return false; // copyleft code would put the whole permissive or proprietary work under its terms
    }
    if (file == Kind.LGPL && project == Kind.GPL2_ONLY) {
      return !fileId.startsWith("LGPL-3.0");
    }
    return GPL_ACCEPTS.get(project).contains(file);
  }
}
