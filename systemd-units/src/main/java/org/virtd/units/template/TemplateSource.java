package org.virtd.units.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.virtd.units.model.UnitBuildException;

/**
 * Where template and extra files are read from: by default the {@code units/} directory on the
 * class path, which is {@code src/main/units/} of this module packed into its jar, so the generator
 * also works from an installed {@code lib/}.
 */
public interface TemplateSource {

    /** The text of template {@code fileName}; a missing file is a build error. */
    String read(String fileName) throws UnitBuildException;

    /** Templates packed under {@code units/} next to this class. */
    static TemplateSource classpath() {
        return fileName -> {
            try (InputStream in = TemplateSource.class.getResourceAsStream("/units/" + fileName)) {
                if (in == null) {
                    throw new UnitBuildException("template " + fileName + " not found under units/ on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("reading template " + fileName, e);
            }
        };
    }
}
