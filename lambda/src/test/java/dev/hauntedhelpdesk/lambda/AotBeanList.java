package dev.hauntedhelpdesk.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextProvider;
import io.micronaut.inject.BeanDefinition;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Runs in a fresh JVM from a packaged artifact (the second argument): constructs the handler the
 * first argument names, as Lambda does, and prints whether Micronaut AOT's configurer ran
 * ("AOT true" or "AOT false") and every bean definition its context enabled ("BEAN type"), sorted. Only beans whose classes
 * come from the artifact count: the test classes beside it on the class path bring their own.
 */
public final class AotBeanList {

    private AotBeanList() {
    }

    public static void main(String[] args) throws ReflectiveOperationException, MalformedURLException {
        ApplicationContextProvider handler = (ApplicationContextProvider) Class.forName(args[0])
                .getConstructor().newInstance();
        ApplicationContext context = handler.getApplicationContext();
        URL jar = Path.of(args[1]).toUri().toURL();
        System.out.println("AOT " + context.getProperty("micronaut.aot.enabled", Boolean.class).orElse(false));
        context.getBeanDefinitions(Object.class).stream()
                .map(BeanDefinition::getBeanType)
                .filter(type -> fromArtifact(type, jar))
                .map(Class::getName)
                .distinct()
                .sorted()
                .forEach(name -> System.out.println("BEAN " + name));
        context.close();
    }

    private static boolean fromArtifact(Class<?> type, URL jar) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && Objects.equals(source.getLocation(), jar);
    }
}
